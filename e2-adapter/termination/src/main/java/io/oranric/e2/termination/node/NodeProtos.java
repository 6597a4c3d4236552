package io.oranric.e2.termination.node;

import io.oranric.backbone.ops.Clocks;
import io.oranric.contract.v1.Association;
import io.oranric.contract.v1.Cell;
import io.oranric.contract.v1.ComponentConfig;
import io.oranric.contract.v1.ControlAction;
import io.oranric.contract.v1.ControlStyle;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.E2NodeState;
import io.oranric.contract.v1.E2NodeType;
import io.oranric.contract.v1.E2Transport;
import io.oranric.contract.v1.GlobalE2NodeId;
import io.oranric.contract.v1.NrCgi;
import io.oranric.contract.v1.Plmn;
import io.oranric.contract.v1.RanFunction;
import io.oranric.contract.v1.ReportStyle;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.sm.CellRef;
import io.oranric.e2.sm.RanFunctionInfo;

/** The registry entry as published on {@code e2.nodes}. */
public final class NodeProtos {
  private NodeProtos() {}

  public static E2Node toProto(E2NodeEntry e, String displayName) {
    GlobalNodeId g = e.globalId();
    GlobalE2NodeId.Builder gid = GlobalE2NodeId.newBuilder().setType(switch (g.type()) {
      case GNB -> E2NodeType.E2_NODE_TYPE_GNB;
      case EN_GNB -> E2NodeType.E2_NODE_TYPE_EN_GNB;
      case NG_ENB -> E2NodeType.E2_NODE_TYPE_NG_ENB;
      case ENB -> E2NodeType.E2_NODE_TYPE_ENB;
    }).setPlmn(plmn(g.plmn())).setNodeId(g.nodeId()).setNodeIdBits(g.nodeIdBits());
    if (g.cuUpId() != null) {
      gid.setGnbCuUpId(g.cuUpId());
    }
    if (g.duId() != null) {
      gid.setGnbDuId(g.duId());
    }
    E2Node.Builder b = E2Node.newBuilder().setNodeId(e.key()).setName(displayName).setGlobalId(gid)
        .setState(e.connected() ? E2NodeState.E2_NODE_STATE_CONNECTED : E2NodeState.E2_NODE_STATE_DISCONNECTED)
        .setE2ApVersion(e.version().label())
        .addAssociations(Association.newBuilder().setId(e.association().id()).setRemoteAddress(e.association().remoteAddress())
            .setSctpPpid(e.association().ppid()).setTransport(switch (e.association().kind()) {
              case SCTP -> E2Transport.E2_TRANSPORT_SCTP;
              case TCP -> E2Transport.E2_TRANSPORT_TCP;
              case UDP -> E2Transport.E2_TRANSPORT_UDP;
            }))
        .setConnectedAtNs(e.connectedAtMillis() * 1_000_000L).setUpdatedAtNs(Clocks.nowEpochNanos());
    for (RanFunctionInfo f : e.functions().values()) {
      RanFunction.Builder rf = RanFunction.newBuilder().setRanFunctionId(f.id()).setRevision(f.function().revision())
          .setOid(f.function().oid()).setShortName(f.shortName()).setServiceModelVersion(f.version())
          .setDefinition(com.google.protobuf.ByteString.copyFrom(f.function().definition()))
          .setDefinitionJson(f.definitionJson() == null ? "" : f.definitionJson());
      for (var s : f.reportStyles()) {
        rf.addReportStyles(ReportStyle.newBuilder().setStyle(s.style()).setName(s.name()).addAllMeasurementNames(s.measurementNames())
            .setActionFormat(s.actionFormat()).setIndicationHeaderFormat(s.headerFormat()).setIndicationMessageFormat(s.messageFormat()));
      }
      for (var s : f.controlStyles()) {
        ControlStyle.Builder cs = ControlStyle.newBuilder().setStyle(s.style()).setName(s.name());
        s.actions().forEach(a -> cs.addActions(ControlAction.newBuilder().setActionId(a.actionId()).setName(a.name())));
        rf.addControlStyles(cs);
      }
      b.addRanFunctions(rf);
    }
    for (var c : e.components()) {
      b.addComponents(ComponentConfig.newBuilder().setInterfaceType(c.interfaceType().name()).setComponentId(c.componentId())
          .setRequestPart(bytes(c.requestPart())).setResponsePart(bytes(c.responsePart())));
    }
    for (CellRef c : e.cells()) {
      b.addCells(Cell.newBuilder().setCellId(c.displayName()).setNrCgi(NrCgi.newBuilder().setPlmn(plmn(c.plmn())).setNrCellId(c.nrCellId())));
    }
    return b.build();
  }

  private static com.google.protobuf.ByteString bytes(byte[] b) {
    return b == null ? com.google.protobuf.ByteString.EMPTY : com.google.protobuf.ByteString.copyFrom(b);
  }

  static Plmn plmn(io.oranric.e2.protocol.Plmn p) {
    return Plmn.newBuilder().setMcc(p.mcc()).setMnc(p.mnc()).build();
  }
}
