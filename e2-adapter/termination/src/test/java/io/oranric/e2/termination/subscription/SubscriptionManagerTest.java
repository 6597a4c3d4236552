package io.oranric.e2.termination.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.termination.node.E2NodeEntry;
import io.oranric.e2.termination.node.NodeRegistry;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.ServiceModels;
import io.oranric.e2.sm.SubscriptionContent;
import io.oranric.e2.termination.transport.Association;
import io.oranric.e2.termination.transport.TransportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's rules, driven message by message: dedup of identical wishes, request ids,
 * state changes, back-off, and what a node's disconnect and return do to its subscriptions.
 */
class SubscriptionManagerTest {
  private final NodeRegistry nodes = new NodeRegistry();
  private final List<Sent> sent = new ArrayList<>();
  private long now = 1_000_000;
  private SubscriptionManager manager;

  record Sent(String node, E2apMessage message) {}

  /** The content is the period in one byte: identical periods mean identical E2 subscriptions. */
  private final ServiceModels models = new ServiceModels() {
    @Override
    public RanFunctionInfo describe(RanFunction f, CellNaming naming) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SubscriptionContent kpmSubscription(RanFunctionInfo f, KpmSubscription r) throws ServiceModelException {
      if (r.getPeriodMs() == 0) {
        throw new ServiceModelException("period 0 is not a report period", Cause.ACTION_NOT_SUPPORTED);
      }
      return new SubscriptionContent(new byte[] {(byte) r.getPeriodMs()},
          List.of(new RicAction(1, RicAction.Type.REPORT, new byte[] {1}, null)), null);
    }

    @Override
    public SubscriptionContent rcSubscription(RanFunctionInfo f, RcSubscription r) throws ServiceModelException {
      throw new ServiceModelException("no RC", Cause.ACTION_NOT_SUPPORTED);
    }

    @Override
    public KpmReport.Builder decodeKpm(RanFunctionInfo f, Object c, byte[] h, byte[] m, CellNaming n) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RcReport.Builder decodeRc(RanFunctionInfo f, Object c, byte[] h, byte[] m) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ControlContent encodeControl(List<RanFunctionInfo> fs, ControlRequest r, CellNaming n) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String describeOutcome(RanFunctionInfo f, byte[] o) {
      return "";
    }
  };

  @BeforeEach
  void setUp() {
    manager = new SubscriptionManager(1000, nodes, models, (node, m) -> sent.add(new Sent(node.key(), m)), () -> now);
  }

  private E2NodeEntry connect(String key, String associationId) {
    RanFunctionInfo kpm = new RanFunctionInfo(new RanFunction(2, 1, "1.3.6.1.4.1.53148.1.2.2.2", new byte[0]), ServiceModel.KPM,
        "KPM3", "ORAN-E2SM-KPM", "{}", List.of(), List.of(), List.of(), null);
    E2NodeEntry e = new E2NodeEntry(key, GlobalNodeId.gnb(new Plmn("001", "01"), key.hashCode() & 0xfffff, 22), E2apVersion.V3_01,
        new FakeAssociation(associationId), Map.of(2, kpm), List.of(), true, now, now);
    nodes.register(e);
    manager.nodeUp(e);
    return e;
  }

  private static SubscriptionRequest kpm(int period, String... nodes) {
    return SubscriptionRequest.newBuilder().setXapp("x").setName("n").addAllNodeIds(List.of(nodes))
        .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(period)).build();
  }

  private List<E2apMessage.RicSubscriptionRequest> requests() {
    return sent.stream().map(Sent::message).filter(m -> m instanceof E2apMessage.RicSubscriptionRequest)
        .map(m -> (E2apMessage.RicSubscriptionRequest) m).toList();
  }

  @Test
  void identical_wishes_of_two_xapps_share_one_e2_subscription() {
    connect("gnb-1", "a1");
    manager.want("monitor/kpm", kpm(100));
    manager.want("slice/kpm", kpm(100));
    assertThat(requests()).hasSize(1);
    assertThat(manager.subscriptions()).singleElement().satisfies(s ->
        assertThat(s.subscribers()).containsExactlyInAnyOrder("monitor/kpm", "slice/kpm"));
    manager.want("energy/kpm", kpm(50));
    assertThat(requests()).as("a different period is a different subscription").hasSize(2);
  }

  @Test
  void a_subscription_goes_active_on_response_and_is_deleted_when_the_last_wish_goes() {
    connect("gnb-1", "a1");
    manager.want("a", kpm(100));
    manager.want("b", kpm(100));
    var req = requests().get(0);
    assertThat(req.requestId().requestorId()).isEqualTo(1000);
    manager.onResponse("gnb-1", new E2apMessage.RicSubscriptionResponse(req.requestId(), 2, List.of(1), List.of()));
    assertThat(manager.countsByState()).containsEntry(SubscriptionState.ACTIVE, 1L);
    assertThat(manager.route("gnb-1", req.requestId())).isNotNull();

    manager.withdraw("a");
    assertThat(sent).noneMatch(s -> s.message() instanceof E2apMessage.RicSubscriptionDeleteRequest);
    manager.withdraw("b");
    assertThat(sent).filteredOn(s -> s.message() instanceof E2apMessage.RicSubscriptionDeleteRequest).hasSize(1);
    assertThat(manager.countsByState()).containsEntry(SubscriptionState.DELETING, 1L);
    manager.onDeleteResponse("gnb-1", req.requestId());
    assertThat(manager.subscriptions()).isEmpty();
    assertThat(manager.route("gnb-1", req.requestId())).isNull();
  }

  @Test
  void a_refused_subscription_fails_and_is_asked_again_after_the_back_off_under_a_new_request_id() {
    connect("gnb-1", "a1");
    manager.want("a", kpm(100));
    var first = requests().get(0);
    manager.onFailure("gnb-1", new E2apMessage.RicSubscriptionFailure(first.requestId(), 2, Cause.ACTION_NOT_SUPPORTED));
    assertThat(manager.countsByState()).containsEntry(SubscriptionState.FAILED, 1L);
    manager.tick();
    assertThat(requests()).as("not before the back-off").hasSize(1);
    now += SubscriptionManager.BACKOFF_MS[0];
    manager.tick();
    assertThat(requests()).hasSize(2);
    assertThat(requests().get(1).requestId()).isNotEqualTo(first.requestId());
  }

  @Test
  void an_unanswered_request_times_out_to_failed() {
    connect("gnb-1", "a1");
    manager.want("a", kpm(100));
    now += SubscriptionManager.RESPONSE_TIMEOUT_MS;
    manager.tick();
    assertThat(manager.subscriptions()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(SubscriptionState.FAILED);
      assertThat(s.lastError()).contains("no answer");
    });
  }

  @Test
  void a_node_that_goes_and_comes_back_gets_every_subscription_again_and_nothing_piles_up() {
    connect("gnb-1", "a1");
    manager.want("a", kpm(100));
    manager.want("b", kpm(200));
    for (int flap = 0; flap < 50; flap++) {
      List<E2apMessage.RicSubscriptionRequest> before = requests();
      for (var r : before.subList(before.size() - 2, before.size())) {
        manager.onResponse("gnb-1", new E2apMessage.RicSubscriptionResponse(r.requestId(), 2, List.of(1), List.of()));
      }
      assertThat(manager.countsByState()).containsEntry(SubscriptionState.ACTIVE, 2L);
      nodes.associationClosed("a" + (flap + 1), now);
      manager.nodeDown("gnb-1");
      assertThat(manager.subscriptions()).isEmpty();
      connect("gnb-1", "a" + (flap + 2));
      assertThat(manager.subscriptions()).hasSize(2);
    }
    assertThat(requests()).hasSize(2 * 51);
  }

  @Test
  void wishes_for_one_node_leave_the_others_alone_and_unservable_wishes_say_why() {
    connect("gnb-1", "a1");
    connect("gnb-2", "a2");
    manager.want("a", kpm(100, "gnb-2"));
    assertThat(requests()).singleElement().satisfies(r -> assertThat(sent.get(0).node()).isEqualTo("gnb-2"));
    manager.want("bad", kpm(0));
    assertThat(manager.unservable()).containsKeys("bad@gnb-1", "bad@gnb-2");
    assertThat(manager.unservable().get("bad@gnb-1")).contains("period 0");
  }

  private static final class FakeAssociation implements Association {
    private final String id;

    FakeAssociation(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public TransportKind kind() {
      return TransportKind.TCP;
    }

    @Override
    public String remoteAddress() {
      return "127.0.0.1:1";
    }

    @Override
    public int ppid() {
      return 0;
    }

    @Override
    public void send(byte[] pdu) {}

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
      return true;
    }
  }
}
