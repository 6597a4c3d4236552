package io.oranric.cli;

import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.config.InventoryFile;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.SafetyEnvelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The network an intent is about: the lab's cells, or an inventory file, in a time zone. */
final class NetworkOptions {
  @Option(names = "--cells", defaultValue = "" + NetworkContext.DEFAULT_LAB_CELLS,
      description = "Cells of the lab inventory (cell-1 .. cell-N) when no --inventory is given. Default: ${DEFAULT-VALUE}.")
  int cells;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Network inventory JSON (cells, nodes, slices, coverage areas), as the Helm charts mount it.")
  Path inventory;

  @Option(names = "--zone", description = "Time zone of the network for daily windows and \"tonight\". Default: the inventory's, else the system zone.")
  String zone;

  NetworkContext context() {
    ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    if (inventory != null) {
      NetworkInventory inv = InventoryFile.read(inventory, z);
      ZoneId effective = zone == null ? inv.zone() : z;
      if (!effective.equals(inv.zone())) {
        inv = new NetworkInventory(inv.cells(), inv.nodes(), inv.slices(), inv.coverageAreas(), effective);
      }
      return new NetworkContext(inv, SafetyEnvelope.labDefaults(), java.util.List.of(), Clock.system(effective),
          NetworkContext.DEFAULT_NIGHT);
    }
    return NetworkContext.lab(cells, z, Clock.system(z));
  }
}
