package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.UeId;
import java.util.List;

/**
 * What the RIC needs to read the indications of one KPM subscription: per action, its style and format,
 * the cell it targets, the measurements asked for (in order; used when a format 1 message leaves out its
 * measurement list), the UE of style 2 and the slice of a slice-selecting style 4.
 */
public record KpmDecodeContext(List<Action> actions) {
  public record Action(int actionId, int style, int actionFormat, long granularityMs, Ncgi cell, List<String> measurements,
      UeId ue, SliceId slice) {
    public Action {
      measurements = List.copyOf(measurements);
    }
  }

  public KpmDecodeContext {
    actions = List.copyOf(actions);
  }

  /** The action with this id, or the first action when the id is unknown (or -1). */
  public Action action(int actionId) {
    for (Action a : actions) {
      if (a.actionId() == actionId) {
        return a;
      }
    }
    return actions.isEmpty() ? null : actions.get(0);
  }
}
