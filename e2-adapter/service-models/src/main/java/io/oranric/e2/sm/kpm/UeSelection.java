package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.UeId;
import java.util.List;

/** Which UEs a KPM action reports on, by action definition format. */
public sealed interface UeSelection permits UeSelection.None, UeSelection.One, UeSelection.Matching,
    UeSelection.Listed {

  /** Formats 1 and 3: node or cell level, no UE selection. */
  record None() implements UeSelection {}

  /** Format 2: one UE. */
  record One(UeId ue) implements UeSelection {}

  /** Format 4: every UE matching all (or, per the OR flags, any of) the conditions. */
  record Matching(List<TestCondition> conditions, List<Boolean> orNext) implements UeSelection {
    public Matching {
      conditions = List.copyOf(conditions);
      orNext = orNext == null ? conditions.stream().map(c -> false).toList() : List.copyOf(orNext);
    }

    public Matching(List<TestCondition> conditions) {
      this(conditions, null);
    }
  }

  /** Format 5: these UEs. */
  record Listed(List<UeId> ues) implements UeSelection {
    public Listed {
      ues = List.copyOf(ues);
    }
  }

  UeSelection NONE = new None();
}
