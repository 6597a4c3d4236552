package io.oranric.e2.sm;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.kpm.KpmRic;
import io.oranric.e2.sm.kpm.KpmVersion;
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
    throw new ServiceModelException("E2SM-RC subscriptions are not built yet", Cause.ACTION_NOT_SUPPORTED);
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
    throw new ServiceModelException("E2SM-RC indications are not decoded yet", Cause.TRANSFER_SYNTAX_ERROR);
  }

  @Override
  public ControlContent encodeControl(List<RanFunctionInfo> functions, ControlRequest request, CellNaming naming)
      throws ServiceModelException {
    throw new ServiceModelException("control is not built yet", Cause.ACTION_NOT_SUPPORTED);
  }

  @Override
  public String describeOutcome(RanFunctionInfo function, byte[] outcome) {
    return "";
  }
}
