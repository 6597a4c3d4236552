package io.oranric.e2.sm;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.ccc.CccControl;
import io.oranric.e2.sm.ccc.CccDefinition;
import io.oranric.e2.sm.ccc.CccRic;
import io.oranric.e2.sm.kpm.KpmRic;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.sm.rc.RcControl;
import io.oranric.e2.sm.rc.RcRic;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service models of the RIC: E2SM-KPM v2.03/v3.00, E2SM-RC v1.03, E2SM-CCC v1.01 (ASN.1) and the
 * JSON form of E2SM-CCC that srsRAN speaks. Stateless and thread safe.
 *
 * <p>{@code new StandardServiceModels(naming)} is what the termination needs; {@link Options} say which
 * KPM layout to expect under the v2 OID (srsRAN: v3 layout, OAI: v2.03; indication headers correct a
 * wrong guess report by report).
 */
public final class StandardServiceModels implements ServiceModels {
  // O-RAN OIDs are 1.3.6.1.4.1.53148.1.<version>.2.<model>: 2 KPM, 3 RC, 4 CCC
  private static final Pattern KPM_OID = Pattern.compile("1\\.3\\.6\\.1\\.4\\.1\\.53148\\.1\\.\\d+\\.2\\.2(\\..*)?");
  private static final Pattern RC_OID = Pattern.compile("1\\.3\\.6\\.1\\.4\\.1\\.53148\\.1\\.\\d+\\.2\\.3(\\..*)?");
  private static final Pattern CCC_OID = Pattern.compile("1\\.3\\.6\\.1\\.4\\.1\\.53148\\.1\\.\\d+\\.2\\.4(\\..*)?");

  /**
   * @param kpmLayoutUnderV2Oid the layout tried first for definitions under the KPM v2 OID
   *     (1.3.6.1.4.1.53148.1.2.2.2): KPM3 for srsRAN (the default), KPM2 for OAI/FlexRIC v2.03
   */
  public record Options(KpmVersion kpmLayoutUnderV2Oid) {
    public static Options defaults() {
      return new Options(KpmVersion.KPM3);
    }
  }

  private final CellNaming naming;
  private final Options options;

  public StandardServiceModels() {
    this(CellNaming.none(), Options.defaults());
  }

  /** @param naming used to map the cells named in subscriptions to NR CGIs */
  public StandardServiceModels(CellNaming naming) {
    this(naming, Options.defaults());
  }

  public StandardServiceModels(CellNaming naming, Options options) {
    this.naming = naming;
    this.options = options;
  }

  static ServiceModel modelOf(RanFunction f) {
    String oid = f.oid() == null ? "" : f.oid().trim();
    if (KPM_OID.matcher(oid).matches()) {
      return ServiceModel.KPM;
    }
    if (RC_OID.matcher(oid).matches()) {
      return ServiceModel.RC;
    }
    if (CCC_OID.matcher(oid).matches()) {
      return ServiceModel.CCC;
    }
    return ServiceModel.OTHER;
  }

  KpmVersion kpmPreference(String oid) {
    if (oid != null && oid.startsWith(KpmVersion.OID_V3)) {
      return KpmVersion.KPM3;
    }
    return options.kpmLayoutUnderV2Oid();
  }

  @Override
  public RanFunctionInfo describe(RanFunction function, CellNaming naming) throws ServiceModelException {
    switch (modelOf(function)) {
      case KPM:
        return KpmRic.describe(function, kpmPreference(function.oid()));
      case RC:
        return RcRic.describe(function);
      case CCC:
        return CccRic.describe(function, naming);
      default:
        return new RanFunctionInfo(function, ServiceModel.OTHER, "", "", "{}", List.of(), List.of(), List.of(), null);
    }
  }

  @Override
  public SubscriptionContent kpmSubscription(RanFunctionInfo function, KpmSubscription request) throws ServiceModelException {
    if (function.model() != ServiceModel.KPM) {
      throw new ServiceModelException("RAN function " + function.id() + " is not E2SM-KPM", Cause.RAN_FUNCTION_ID_INVALID);
    }
    return KpmRic.subscription(function, request, naming);
  }

  @Override
  public SubscriptionContent rcSubscription(RanFunctionInfo function, RcSubscription request) throws ServiceModelException {
    if (function.model() != ServiceModel.RC) {
      throw new ServiceModelException("RAN function " + function.id() + " is not E2SM-RC", Cause.RAN_FUNCTION_ID_INVALID);
    }
    return RcRic.subscription(function, request);
  }

  @Override
  public KpmReport.Builder decodeKpm(RanFunctionInfo function, Object decodeContext, byte[] header, byte[] message,
      CellNaming naming) throws ServiceModelException {
    return decodeKpm(function, decodeContext, -1, header, message, naming);
  }

  @Override
  public KpmReport.Builder decodeKpm(RanFunctionInfo function, Object decodeContext, int actionId, byte[] header,
      byte[] message, CellNaming naming) throws ServiceModelException {
    return KpmRic.decode(function, decodeContext, actionId, header, message, naming);
  }

  @Override
  public RcReport.Builder decodeRc(RanFunctionInfo function, Object decodeContext, byte[] header, byte[] message)
      throws ServiceModelException {
    return RcRic.decode(function, decodeContext, header, message, naming);
  }

  /**
   * Slice PRB quota goes to an RC function offering style 2 action 6, or else as O-RRMPolicyRatio to a CCC
   * function offering it; handover to RC style 3 action 1; {@code ccc} to a CCC function; {@code raw} as
   * given. A non-zero {@code ran_function_id} restricts the choice to that function.
   */
  @Override
  public ControlContent encodeControl(List<RanFunctionInfo> functions, ControlRequest request, CellNaming naming)
      throws ServiceModelException {
    List<RanFunctionInfo> candidates = functions;
    if (request.getRanFunctionId() != 0) {
      candidates = functions.stream().filter(f -> f.id() == request.getRanFunctionId()).toList();
      if (candidates.isEmpty()) {
        throw new ServiceModelException("node has no RAN function " + request.getRanFunctionId(), Cause.RAN_FUNCTION_ID_INVALID);
      }
    }
    switch (request.getActionCase()) {
      case SLICE_PRB_QUOTA: {
        RanFunctionInfo rc = offering(candidates, ServiceModel.RC, 2, 6);
        if (rc != null) {
          return RcRic.encode(rc, RcRic.control(request, naming));
        }
        RanFunctionInfo ccc = cccOffering(candidates, "O-RRMPolicyRatio");
        if (ccc != null) {
          var q = request.getSlicePrbQuota();
          return CccRic.encode(ccc, CccRic.control(io.oranric.contract.v1.CccConfiguration.newBuilder().setCellId(q.getCellId())
              .setRrmPolicyRatio(io.oranric.contract.v1.RrmPolicyRatio.newBuilder().addAllSlices(q.getSlicesList())).build(), naming));
        }
        throw new ServiceModelException("node offers neither E2SM-RC style 2 action 6 (slice-level PRB quota) nor E2SM-CCC"
            + " O-RRMPolicyRatio", Cause.ACTION_NOT_SUPPORTED);
      }
      case HANDOVER: {
        RanFunctionInfo rc = offering(candidates, ServiceModel.RC, 3, 1);
        if (rc == null) {
          throw new ServiceModelException("node does not offer E2SM-RC style 3 action 1 (handover control)",
              Cause.ACTION_NOT_SUPPORTED);
        }
        RcControl c = RcRic.control(request, naming);
        return RcRic.encode(rc, c);
      }
      case CCC: {
        CccControl c = CccRic.control(request.getCcc(), naming);
        String structure = c.changes().get(0).structureName();
        RanFunctionInfo ccc = cccOffering(candidates, structure);
        if (ccc == null) {
          ccc = candidates.stream().filter(f -> f.model() == ServiceModel.CCC).findFirst().orElse(null);
        }
        if (ccc == null) {
          throw new ServiceModelException("node offers no E2SM-CCC function for " + structure, Cause.ACTION_NOT_SUPPORTED);
        }
        return CccRic.encode(ccc, c);
      }
      case RAW: {
        var raw = request.getRaw();
        RanFunctionInfo f = null;
        if (request.getRanFunctionId() != 0) {
          f = candidates.get(0);
        } else if (raw.getServiceModel().startsWith("RC")) {
          f = candidates.stream().filter(x -> x.model() == ServiceModel.RC).findFirst().orElse(null);
        } else if (raw.getServiceModel().startsWith("CCC")) {
          f = candidates.stream().filter(x -> x.model() == ServiceModel.CCC).findFirst().orElse(null);
        }
        if (f == null) {
          throw new ServiceModelException("raw control needs ran_function_id or service_model RC1/CCC1 of a function the node has",
              Cause.RAN_FUNCTION_ID_INVALID);
        }
        return new ControlContent(f.id(), raw.getHeader().toByteArray(), raw.getMessage().toByteArray(),
            "raw control to RAN function " + f.id() + " (" + f.shortName() + ")");
      }
      default:
        throw new ServiceModelException("control request without an action", Cause.CONTROL_MESSAGE_INVALID);
    }
  }

  private static RanFunctionInfo offering(List<RanFunctionInfo> functions, ServiceModel model, int style, int action) {
    return functions.stream().filter(f -> f.model() == model && f.offersControl(style, action)).findFirst().orElse(null);
  }

  private static RanFunctionInfo cccOffering(List<RanFunctionInfo> functions, String structure) {
    for (RanFunctionInfo f : functions) {
      if (f.model() == ServiceModel.CCC && f.decoded() instanceof CccDefinition d
          && (d.nodeStructures().stream().anyMatch(s -> s.equalsIgnoreCase(structure))
              || d.cellStructures().values().stream().anyMatch(l -> l.stream().anyMatch(s -> s.equalsIgnoreCase(structure))))) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String describeOutcome(RanFunctionInfo function, byte[] outcome) {
    switch (function.model()) {
      case RC:
        return RcRic.describeOutcome(function, outcome);
      case CCC:
        return CccRic.describeOutcome(function, outcome);
      default:
        return outcome == null || outcome.length == 0 ? "" : "control outcome of " + outcome.length + " octets";
    }
  }
}
