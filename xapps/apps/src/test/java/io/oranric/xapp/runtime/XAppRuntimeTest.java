package io.oranric.xapp.runtime;

import static io.oranric.xapp.Fixtures.cell;
import static io.oranric.xapp.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.MutableClock;
import io.oranric.xapp.ScriptedE2Stream;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.energy.EnergySavingLogic;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every xApp on one Vert.x, over the scripted E2 stream: wiring, guard, KPM API and HTTP. */
class XAppRuntimeTest {
  private final Vertx vertx = Vertx.vertx();
  private final ScriptedE2Stream e2 = new ScriptedE2Stream();
  private final Fixtures.Store store = new Fixtures.Store();
  private final MutableClock clock = new MutableClock(Fixtures.T0, Fixtures.ZONE);
  private XAppRuntime rt;

  @AfterEach
  void stop() {
    if (rt != null) {
      rt.close();
    }
    vertx.close().await();
  }

  private XAppRuntime deploy() {
    XAppRuntime.Options o = XAppRuntime.Options.lab(Fixtures.lab(7)).withClock(clock)
        .withSettings(XAppRuntime.Settings.defaults()
            .withKpm(new KpmMonitorXApp.Config(Duration.ofSeconds(30), 64, "127.0.0.1", 0))
            .withEnergy(new EnergySavingLogic.Config(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), 15, 70, Duration.ofSeconds(60), false)));
    rt = XAppRuntime.deploy(vertx, e2, store.view, o).await();
    return rt;
  }

  private List<ControlRequest> collect(int atLeast, long timeoutMs) throws InterruptedException {
    List<ControlRequest> out = new ArrayList<>();
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (out.size() < atLeast && System.currentTimeMillis() < deadline) {
      ControlRequest r = e2.next(50);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void one_subscription_feeds_every_xapp_and_a_prb_quota_goes_out_stamped_by_the_slice_xapp() throws Exception {
    deploy();
    assertThat(e2.subscribers()).as("one KPM subscription for six xApps").isEqualTo(1);
    store.put("""
        {"policyId":"p-q","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"minPrbPct":20,"maxPrbPct":60},"priority":70}""");
    e2.publish(Fixtures.report("gnb-3", 1, List.of(slice("cell-3", 2, KpmNames.THP_DL, 5000))));
    List<ControlRequest> got = collect(1, 5000);
    assertThat(got).hasSize(1);
    ControlRequest r = got.get(0);
    assertThat(r.getProvenance().getXapp()).isEqualTo("slice-sla");
    assertThat(r.getProvenance().getPolicyId()).isEqualTo("p-q");
    assertThat(r.getRequestId()).startsWith("slice-sla-");
    assertThat(r.getSlicePrbQuota().getSlices(0).getMinPrbPct()).isEqualTo(20);
  }

  @Test
  void contradicting_xapps_meet_the_guard_and_the_stronger_policy_wins() throws Exception {
    deploy();
    store.put("""
        {"policyId":"p-tx","type":"TxPower","scope":{"cells":["cell-4"]},"statement":{"maxTxPowerDbm":20},"priority":80}""");
    store.put("""
        {"policyId":"p-es","type":"EnergySaving","scope":{"cells":["cell-4"]},
         "statement":{"mode":"REDUCE_POWER","whenLoadBelowPct":30},"priority":20}""");
    for (int k = 0; k < 30 && rt.guard().recentConflicts().isEmpty(); k++) {
      clock.advance(Duration.ofSeconds(6));
      e2.publish(Fixtures.report("gnb-4", 1, List.of(cell("cell-4", KpmNames.MAX_TX_PWR, 26), cell("cell-4", KpmNames.PRB_TOT_DL, 5))));
      // Each report is handled on the xApps' own event loops: poll for the conflict, with a deadline, before the next one.
      long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
      while (rt.guard().recentConflicts().isEmpty() && System.nanoTime() < until) {
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      }
    }
    assertThat(rt.guard().recentConflicts()).isNotEmpty();
    assertThat(rt.guard().recentConflicts().get(0).winner().xapp()).isEqualTo("tx-power");
    assertThat(rt.guard().recentConflicts().get(0).loser().xapp()).isEqualTo("energy-saving");
    // The counter is bumped on the guard's side of the hand-over: poll it with a deadline too.
    String counter = "xapp_conflicts_total{loser=\"energy-saving\",parameter=\"tx-power\",winner=\"tx-power\"}";
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (!rt.metrics().scrape().contains(counter) && System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
    assertThat(rt.metrics().scrape()).contains(counter);
  }

  @Test
  void kpm_monitor_answers_in_java_and_over_http() throws Exception {
    deploy();
    for (int k = 0; k < 20; k++) {
      e2.publish(Fixtures.report("gnb-3", 1, List.of(slice("cell-3", 2, KpmNames.DELAY_DL, k + 1),
          cell("cell-3", KpmNames.PRB_TOT_DL, 40), Fixtures.ue("cell-3", "ue-9", 2, KpmNames.THP_DL, 1200))));
    }
    var c = rt.kpm().cell("cell-3").toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow();
    assertThat(c.node()).isEqualTo("gnb-3");
    assertThat(c.slices()).containsExactly("urllc");
    assertThat(c.ues()).isEqualTo(1);
    var s = rt.kpm().slice("cell-3", "urllc").toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow();
    assertThat(s.metrics().get(KpmNames.DELAY_DL).mean()).isEqualTo(10.5);
    assertThat(s.metrics().get(KpmNames.DELAY_DL).p95()).isEqualTo(19);
    assertThat(s.metrics().get(KpmNames.DELAY_DL).last()).isEqualTo(20);

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + rt.kpmHttpPort();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kpm/cells/cell-3/slices/urllc")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"slice\":\"urllc\"").contains("\"p95\":19.0");
    r = http.send(HttpRequest.newBuilder(URI.create(base + "/kpm/cells")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("\"cell\":\"cell-3\"").contains("RRU.PrbTotDl");
    r = http.send(HttpRequest.newBuilder(URI.create(base + "/kpm/ues/ue-9")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("\"cell\":\"cell-3\"");
    r = http.send(HttpRequest.newBuilder(URI.create(base + "/kpm/cells/cell-99")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);

    r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rt.healthPort() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"traffic-steering\":\"UP\"");
  }

  @Test
  void unknown_xapp_names_are_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> XAppRuntime.Options.lab(Fixtures.lab(3)).withApps(List.of("nope")))
        .hasMessageContaining("unknown xApp 'nope'");
  }
}
