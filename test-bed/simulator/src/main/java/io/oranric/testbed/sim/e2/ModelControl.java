package io.oranric.testbed.sim.e2;

import io.oranric.e2.node.E2NodeApplication.ControlResult;
import io.oranric.e2.node.E2NodeApplication.SubscriptionDecision;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.UeId;
import io.oranric.e2.sm.ccc.CccChange;
import io.oranric.e2.sm.ccc.CccControl;
import io.oranric.e2.sm.ccc.CccForm;
import io.oranric.e2.sm.ccc.CccFunctionSpec;
import io.oranric.e2.sm.ccc.CccNodeSide;
import io.oranric.e2.sm.rc.RcControl;
import io.oranric.e2.sm.rc.RcFunctionSpec;
import io.oranric.e2.sm.rc.RcNodeSide;
import io.oranric.testbed.sim.model.Bwp;
import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.Control;
import io.oranric.testbed.sim.model.Direction;
import io.oranric.testbed.sim.model.NodeInfo;
import io.oranric.testbed.sim.model.PrbQuota;
import io.oranric.testbed.sim.model.RejectReason;
import io.oranric.testbed.sim.model.Snssai;
import io.oranric.testbed.sim.model.UeInfo;
import io.oranric.testbed.sim.run.PacedRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RC and CCC of a simulated gNB, executed on the radio model: slice PRB quotas (RC style 2 action 6,
 * CCC O-RRMPolicyRatio), handovers (RC style 3 action 1), carrier power, bandwidth and ARFCN
 * (O-NRSectorCarrier), BWP (O-BWP) and sleep/wake (O-CESManagementFunction). What the model refuses
 * becomes a RIC Control Failure whose cause says why: an out-of-range or disallowed value is an
 * invalid control message, an unknown cell or UE a control that failed to execute.
 */
public final class ModelControl implements SimControl {
  private final NodeInfo node;
  private final List<CellInfo> cells;
  private final PacedRunner runner;
  private final RcNodeSide rc = new RcNodeSide();
  private final CccNodeSide ccc;
  private final CccFunctionSpec cccSpec;

  public ModelControl(NodeInfo node, List<CellInfo> cells, PacedRunner runner, CccForm cccForm) {
    this.node = node;
    this.cells = List.copyOf(cells);
    this.runner = runner;
    this.ccc = new CccNodeSide(cccForm);
    List<Ncgi> cgis = new ArrayList<>();
    for (CellInfo c : cells) {
      cgis.add(new Ncgi(new io.oranric.e2.protocol.Plmn(node.plmn().mcc(), node.plmn().mnc()), c.nci()));
    }
    this.cccSpec = new CccFunctionSpec("ORAN-E2SM-CCC", cccForm == CccForm.JSON ? CccFunctionSpec.OID_SRSRAN : CccFunctionSpec.OID_V1,
        "Cell Configuration and Control", null, cgis, cccForm == CccForm.JSON ? CccFunctionSpec.ALL
            : List.of("O-RRMPolicyRatio", "O-BWP"));
  }

  @Override
  public List<RanFunction> ranFunctions() {
    try {
      return List.of(new RanFunction(SimulatedGnb.RC_FUNCTION, 1, RcFunctionSpec.OID, rc.ranFunctionDefinition(RcFunctionSpec.controlOnly())),
          new RanFunction(SimulatedGnb.CCC_FUNCTION, 1, cccSpec.oid(), ccc.ranFunctionDefinition(cccSpec)));
    } catch (ServiceModelException e) {
      throw new IllegalStateException("our own RC/CCC definitions do not encode: " + e.getMessage(), e);
    }
  }

  @Override
  public SubscriptionDecision subscribe(E2apMessage.RicSubscriptionRequest request) {
    // RC REPORT/INSERT are not offered by these gNBs: their definitions list control styles only.
    return SubscriptionDecision.refuse(Cause.RAN_FUNCTION_ID_INVALID);
  }

  @Override
  public ControlResult execute(E2apMessage.RicControlRequest r) {
    try {
      if (r.ranFunctionId() == SimulatedGnb.RC_FUNCTION) {
        return rcControl(rc.parseControl(r.header(), r.message()));
      }
      if (r.ranFunctionId() == SimulatedGnb.CCC_FUNCTION) {
        return cccControl(ccc.parseControl(r.header(), r.message()));
      }
      return ControlResult.fail(Cause.RAN_FUNCTION_ID_INVALID);
    } catch (ServiceModelException e) {
      return ControlResult.fail(e.e2apCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ControlResult.fail(Cause.CONTROL_FAILED_TO_EXECUTE);
    }
  }

  private ControlResult rcControl(RcControl c) throws InterruptedException, ServiceModelException {
    io.oranric.testbed.sim.model.ControlResult result;
    if (c instanceof RcControl.SlicePrbQuota q) {
      // A slice-level quota applies to the node's cells (the lab's gNBs have one each).
      Map<Snssai, PrbQuota> quotas = new LinkedHashMap<>();
      for (RcControl.SliceQuota s : q.slices()) {
        quotas.put(Snssai.of(s.slice().sst()), new PrbQuota(s.minRatio(), s.maxRatio(), s.dedicatedRatio()));
      }
      result = null;
      for (CellInfo cell : cells) {
        result = runner.apply(new Control.SetSliceQuotas(cell.id(), quotas, Direction.DL));
        if (!result.accepted()) {
          break;
        }
      }
    } else {
      RcControl.Handover h = (RcControl.Handover) c;
      String ue = ueOf(h.ue());
      String target = cellName(h.target());
      if (ue == null) {
        return ControlResult.fail(Cause.CONTROL_FAILED_TO_EXECUTE);
      }
      result = runner.apply(Control.handover(ue, target != null ? target : "nrcgi-" + h.target().key()));
    }
    return result == null || result.accepted() ? ControlResult.ok(rc.controlOutcome(c)) : ControlResult.fail(cause(result));
  }

  private ControlResult cccControl(List<CccControl> controls) throws InterruptedException, ServiceModelException {
    for (CccControl cc : controls) {
      List<String> targets = cc.cell() == null ? cells.stream().map(CellInfo::id).toList() : List.of(cellNameOrKey(cc.cell()));
      for (String cell : targets) {
        for (CccChange ch : cc.changes()) {
          for (Control m : toModel(cell, ch)) {
            io.oranric.testbed.sim.model.ControlResult r = runner.apply(m);
            if (!r.accepted()) {
              return new ControlResult(false, cause(r), ccc.controlOutcome(controls, false, Instant.now()));
            }
          }
        }
      }
    }
    return ControlResult.ok(ccc.controlOutcome(controls, true, Instant.now()));
  }

  private List<Control> toModel(String cell, CccChange ch) {
    List<Control> out = new ArrayList<>();
    if (ch instanceof CccChange.SectorCarrier s) {
      if (s.configuredMaxTxPowerDbm() != null) {
        out.add(Control.txPower(cell, s.configuredMaxTxPowerDbm()));
      }
      if (s.bsChannelBwDlMhz() != null) {
        out.add(Control.bandwidth(cell, s.bsChannelBwDlMhz()));
      }
      if (s.arfcnDl() != null) {
        out.add(new Control.SetArfcn(cell, s.arfcnDl().intValue()));
      }
    } else if (ch instanceof CccChange.Bwp b) {
      out.add(new Control.SetBwp(cell, new Bwp(b.bwpId(), b.startRb() == null ? 0 : b.startRb(),
          b.numberOfRbs() == null ? 0 : b.numberOfRbs())));
    } else if (ch instanceof CccChange.RrmPolicyRatio r) {
      Map<Snssai, PrbQuota> quotas = new LinkedHashMap<>();
      for (CccChange.Member m : r.members()) {
        quotas.put(Snssai.of(m.slice().sst()), new PrbQuota(r.minRatio(), r.maxRatio(), r.dedicatedRatio()));
      }
      out.add(new Control.SetSliceQuotas(cell, quotas, "PRB_UL".equals(r.resourceType()) ? Direction.UL : Direction.DL));
    } else if (ch instanceof CccChange.EnergySaving e) {
      switch (e.mode()) {
        case SLEEP -> out.add(Control.sleep(cell));
        case WAKE -> out.add(Control.wake(cell));
        // Reduced power: 6 dB below the cell's current configuration, the largest step the envelope allows.
        case REDUCE_POWER -> out.add(Control.txPower(cell, runner.submit(net -> net.cell(cell).txPowerDbm()).join() - 6));
      }
    }
    return out;
  }

  private static Cause cause(io.oranric.testbed.sim.model.ControlResult r) {
    RejectReason reason = r.reason();
    if (reason == null) {
      return Cause.CONTROL_FAILED_TO_EXECUTE;
    }
    return switch (reason) {
      case OUT_OF_RANGE, NOT_ALLOWED_VALUE, INCONSISTENT -> Cause.CONTROL_MESSAGE_INVALID;
      default -> Cause.CONTROL_FAILED_TO_EXECUTE;
    };
  }

  private String cellName(Ncgi cgi) {
    for (CellInfo c : cells) {
      if (c.nci() == cgi.nci()) {
        return c.id();
      }
    }
    // A neighbour's cell: the model knows every cell by NCI.
    return runner.submit(net -> net.cells().stream().filter(c -> c.nci() == cgi.nci()).map(CellInfo::id).findFirst().orElse(null))
        .join();
  }

  private String cellNameOrKey(Ncgi cgi) {
    String n = cellName(cgi);
    return n != null ? n : "nrcgi-" + cgi.key();
  }

  private String ueOf(UeId id) {
    long ran;
    if (id instanceof UeId.Gnb g) {
      ran = g.ranUeId() != null ? g.ranUeId() : g.amfUeNgapId();
    } else if (id instanceof UeId.GnbDu d) {
      ran = d.ranUeId() != null ? d.ranUeId() : d.cuUeF1apId();
    } else {
      return null;
    }
    UeInfo ue = runner.submit(net -> net.ueByRanId(ran)).join();
    return ue == null ? null : ue.id();
  }
}
