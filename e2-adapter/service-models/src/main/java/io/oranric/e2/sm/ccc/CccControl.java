package io.oranric.e2.sm.ccc;

import io.oranric.e2.sm.Ncgi;
import java.util.List;

/** E2SM-CCC control of one cell (or of the node, {@code cell == null}): its configuration changes. */
public record CccControl(Ncgi cell, List<CccChange> changes) {
  public CccControl {
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("CCC control without changes");
    }
  }

  /** Control style: 1 node configuration, 2 cell configuration. */
  public int style() {
    return cell == null ? 1 : 2;
  }
}
