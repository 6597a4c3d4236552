package io.oranric.backbone.kafka;

import com.google.protobuf.Message;
import io.oranric.contract.v1.*;

/** One realistic value per topic, the way the termination, xApps and agent fill them. */
final class TopicSamples {
  private TopicSamples() {}

  static Message sample(RicTopic topic, String key, int n) {
    Plmn plmn = Plmn.newBuilder().setMcc("001").setMnc("01").build();
    Snssai urllc = Snssai.newBuilder().setSst(2).setSd(0x000001).build();
    return switch (topic) {
      case E2_NODES -> E2Node.newBuilder().setNodeId(key).setName("gnb-1")
          .setGlobalId(GlobalE2NodeId.newBuilder().setType(E2NodeType.E2_NODE_TYPE_GNB).setPlmn(plmn)
              .setNodeId(0xe0 + n).setNodeIdBits(22))
          .setState(E2NodeState.E2_NODE_STATE_CONNECTED).setE2ApVersion("3.01")
          .addAssociations(Association.newBuilder().setId("a1").setTransport(E2Transport.E2_TRANSPORT_TCP)
              .setRemoteAddress("127.0.0.1:40000"))
          .addRanFunctions(RanFunction.newBuilder().setRanFunctionId(2).setOid("1.3.6.1.4.1.53148.1.2.2.2")
              .setShortName("ORAN-E2SM-KPM").setServiceModelVersion("KPM3")
              .addReportStyles(ReportStyle.newBuilder().setStyle(4).setName("UE-level measurements")
                  .addMeasurementNames("DRB.UEThpDl")))
          .addCells(Cell.newBuilder().setCellId("cell-1").setNrCgi(NrCgi.newBuilder().setPlmn(plmn).setNrCellId(0x1000L + n))
              .setBandwidthMhz(40).addSlices(urllc))
          .setUpdatedAtNs(n).build();
      case E2_KPM -> KpmReport.newBuilder().setNodeId(key).setRanFunctionId(2).setKpmVersion("KPM3")
          .setReportStyle(4).setMessageFormat(3).setGranularityMs(1000).setCollectStartNs(1_700_000_000_000_000_000L)
          .setReceivedNs(1_700_000_000_100_000_000L + n)
          .addMeasurements(Measurement.newBuilder().setName("DRB.UEThpDl").setReal(12345.5 + n)
              .setScope(MeasurementScope.newBuilder().setCellId("cell-1").setSlice(urllc).setUeId("ue-17")))
          .addMeasurements(Measurement.newBuilder().setName("RRU.PrbUsedDl").setInteger(42 + n)
              .setScope(MeasurementScope.newBuilder().setCellId("cell-1"))
              .addLabels(Label.newBuilder().setKey("fiveQI").setValue("9")))
          .build();
      case E2_RC_REPORTS -> RcReport.newBuilder().setNodeId(key).setRanFunctionId(3).setStyle(2).setUeId("ue-3")
          .addParameters(RanParameter.newBuilder().setId(1).setName("Target Primary Cell ID").setInteger(7 + n))
          .build();
      case E2_SUBSCRIPTIONS -> SubscriptionRequest.newBuilder().setXapp("kpm-monitor").setName(key)
          .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(1000 + n).addMeasurementNames("DRB.UEThpDl"))
          .build();
      case E2_CONTROL_REQUESTS -> ControlRequest.newBuilder().setRequestId("req-" + n).setNodeId(key).setRanFunctionId(3)
          .setProvenance(Provenance.newBuilder().setPolicyId("p-7f3a").setIntentId("i-19c2").setXapp("slice-sla"))
          .setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId("cell-3")
              .addSlices(SliceQuota.newBuilder().setSlice(urllc).setMinPrbPct(20).setMaxPrbPct(60).setDedicatedPrbPct(10 + n)))
          .build();
      case E2_CONTROL_OUTCOMES -> ControlOutcome.newBuilder().setRequestId("req-" + n).setNodeId(key)
          .setStatus(ControlStatus.CONTROL_STATUS_SUCCESS).setSentNs(10).setAnsweredNs(20 + n).build();
      case RIC_POLICIES -> PolicyRecord.newBuilder().setPolicyId(key).setVersion(n).setType("PrbQuota").setStatus("ACTIVE")
          .setPolicyJson("{\"policyId\":\"" + key + "\",\"type\":\"PrbQuota\",\"statement\":{\"minPrbPct\":" + n + "}}")
          .build();
      case RIC_INTENTS -> IntentRecord.newBuilder().setIntentId(key).setText("guarantee at least 20 percent of cell 3 for urllc")
          .setTranslator("local").setConfidence(0.91).setState(IntentState.INTENT_STATE_ACTIVE)
          .setFulfilment(Fulfilment.newBuilder().setStatus(Fulfilment.Status.STATUS_FULFILLED)
              .addExpectations(Expectation.newBuilder().setKpi("DRB.RlcSduDelayDl").setMeasured(3.2 + n).setMet(true)))
          .build();
      case RIC_AUDIT -> AuditEvent.newBuilder().setEventId("ev-" + n).setTimeNs(n).setActor("agent")
          .setKind(AuditKind.AUDIT_KIND_PROPOSAL).setIntentId(key).setSummary("proposed PrbQuota for cell-3/urllc").build();
      case RIC_EXPERIENCE -> ExperienceRecord.newBuilder().setIntentId(key).setText("keep urllc latency in cell 3 under 5 ms")
          .setTranslator("local").addPolicyJson("{\"type\":\"SliceSla\",\"statement\":{\"maxDlLatencyMs\":5}}")
          .setOutcome(Fulfilment.newBuilder().setStatus(Fulfilment.Status.STATUS_FULFILLED)).setEvaluations(4 + n)
          .setFulfilledEvaluations(3 + n).addEmbedding(0.125f).addEmbedding(-0.5f).setEmbeddingModel("all-MiniLM-L6-v2").build();
    };
  }
}
