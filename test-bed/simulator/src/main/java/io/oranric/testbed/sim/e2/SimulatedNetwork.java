package io.oranric.testbed.sim.e2;

import io.oranric.e2.node.E2NodeSession;
import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.adapter.E2apCodecs;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.model.NodeInfo;
import io.oranric.testbed.sim.run.PacedRunner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A scenario's network, paced against the wall clock, with one E2 node session per gNB connected to a
 * RIC. What the termination learns of these gNBs it learns from E2AP on the socket, nothing else.
 */
public final class SimulatedNetwork implements AutoCloseable {

  /** How the simulated gNBs reach the RIC and which protocol versions they speak. */
  public record Options(LinkKind transport, String ricHost, int ricPort, E2apVersion e2ap, KpmVersion kpm, double speedup,
      Duration granularity) {
    public static Options tcp(String host, int port) {
      return new Options(LinkKind.TCP, host, port, E2apVersion.V3_01, KpmVersion.KPM3, 1.0, Duration.ofSeconds(1));
    }

    public Options withSpeedup(double s) {
      return new Options(transport, ricHost, ricPort, e2ap, kpm, s, granularity);
    }

    public Options withVersions(E2apVersion e, KpmVersion k) {
      return new Options(transport, ricHost, ricPort, e, k, speedup, granularity);
    }

    public Options withTransport(LinkKind t) {
      return new Options(t, ricHost, ricPort, e2ap, kpm, speedup, granularity);
    }
  }

  private final PacedRunner runner;
  private final ModelFeed feed;
  private final Map<String, SimulatedGnb> gnbs = new LinkedHashMap<>();
  private final Map<String, E2NodeSession> sessions = new LinkedHashMap<>();
  private final List<NodeInfo> nodes;
  private final List<CellInfo> cells;

  /**
   * @param controlFactory the control side of each gNB (RC and CCC), given its node and the runner
   */
  /** Every gNB with RC and CCC executed on the model, CCC in the given form (srsRAN's JSON or v1.01 ASN.1). */
  public SimulatedNetwork(Vertx vertx, Network net, Options options, io.oranric.e2.sm.ccc.CccForm cccForm) {
    this(vertx, net, options, (n, r) -> new ModelControl(n,
        net.cells().stream().filter(c -> n.cellIds().contains(c.id())).toList(), r, cccForm));
  }

  public SimulatedNetwork(Vertx vertx, Network net, Options options,
      BiFunction<NodeInfo, PacedRunner, SimControl> controlFactory) {
    this.nodes = net.nodes();
    this.cells = net.cells();
    // Ticks of the scenario; wake up every 10 ms of wall time at most.
    this.runner = new PacedRunner(net, options.speedup(), Duration.ofMillis(10));
    this.feed = new ModelFeed(runner, options.granularity());
    for (NodeInfo n : nodes) {
      List<CellInfo> own = cells.stream().filter(c -> n.cellIds().contains(c.id())).toList();
      SimulatedGnb g = new SimulatedGnb(n, own, feed, options.kpm(), controlFactory.apply(n, runner));
      gnbs.put(n.name(), g);
      // SCTP PPID 70 as srsRAN's CU-CP uses; TCP and UDP ignore it.
      sessions.put(n.name(), new E2NodeSession(vertx, E2apCodecs.of(options.e2ap()), g,
          new E2NodeSession.Target(options.transport(), options.ricHost(), options.ricPort(), 70), true));
    }
  }

  /** Starts the model and connects every gNB; completes when all of them finished E2 Setup. */
  public Future<Void> start() {
    runner.start();
    List<Future<Void>> ready = new ArrayList<>();
    sessions.values().forEach(s -> ready.add(s.start()));
    return Future.all(ready).mapEmpty();
  }

  public Map<String, E2NodeSession> sessions() {
    return sessions;
  }

  public Map<String, SimulatedGnb> gnbs() {
    return gnbs;
  }

  public List<NodeInfo> nodes() {
    return nodes;
  }

  public List<CellInfo> cells() {
    return cells;
  }

  public PacedRunner runner() {
    return runner;
  }

  public ModelFeed feed() {
    return feed;
  }

  /**
   * The scenario as an inventory would name it: NR CGI to cell name and global node id to gNB name.
   * A test-bed operator writes the same in an inventory file for real gNBs.
   */
  public io.oranric.e2.sm.CellNaming naming() {
    return naming(nodes, cells);
  }

  /** The same naming straight from a network, before any gNB connects (the termination needs it first). */
  public static io.oranric.e2.sm.CellNaming naming(List<NodeInfo> nodes, List<CellInfo> cells) {
    Map<String, String> cellsByCgi = new LinkedHashMap<>();
    Map<String, String> nodesById = new LinkedHashMap<>();
    for (NodeInfo n : nodes) {
      io.oranric.e2.protocol.Plmn plmn = new io.oranric.e2.protocol.Plmn(n.plmn().mcc(), n.plmn().mnc());
      nodesById.put(io.oranric.e2.protocol.GlobalNodeId.gnb(plmn, n.gnbId(), n.gnbIdBits()).text(), n.name());
      for (CellInfo c : cells) {
        if (n.cellIds().contains(c.id())) {
          cellsByCgi.put(io.oranric.e2.sm.CellNaming.cgiKey(plmn, c.nci()), c.id());
        }
      }
    }
    return new io.oranric.e2.sm.CellNaming(cellsByCgi, nodesById);
  }

  public long indicationsSent() {
    return sessions.values().stream().mapToLong(E2NodeSession::indicationsSent).sum();
  }

  @Override
  public void close() {
    List<Future<Void>> stops = new ArrayList<>();
    sessions.values().forEach(s -> stops.add(s.stop()));
    try {
      Future.all(stops).await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort: the runner still stops below
    }
    runner.close();
  }
}
