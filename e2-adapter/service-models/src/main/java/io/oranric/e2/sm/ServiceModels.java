package io.oranric.e2.sm;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.e2.protocol.RanFunction;
import java.util.List;

/**
 * Everything the termination asks of the E2 service models: E2AP never reads E2SM bytes itself
 * (onos-e2t's model registry, keyed by OID). Implementations are stateless and thread safe: the
 * indication path calls them from transport threads.
 */
public interface ServiceModels {

  /**
   * Decodes a RAN function definition. Unknown OIDs come back as {@link ServiceModel#OTHER};
   * a known OID whose definition does not decode throws.
   */
  RanFunctionInfo describe(RanFunction function, CellNaming naming) throws ServiceModelException;

  /** The event trigger and action of a KPM subscription on this function, or an error saying why not. */
  SubscriptionContent kpmSubscription(RanFunctionInfo function, KpmSubscription request) throws ServiceModelException;

  SubscriptionContent rcSubscription(RanFunctionInfo function, RcSubscription request) throws ServiceModelException;

  /**
   * Decodes a KPM indication into the report's E2SM fields and measurements; the caller fills in
   * the E2AP fields (node, request id, times).
   */
  KpmReport.Builder decodeKpm(RanFunctionInfo function, Object decodeContext, byte[] header, byte[] message,
      CellNaming naming) throws ServiceModelException;

  /**
   * As {@link #decodeKpm(RanFunctionInfo, Object, byte[], byte[], CellNaming)}, for the action that the
   * indication names: a subscription on several cells has one action per cell, and the action tells
   * which cell the values belong to.
   */
  default KpmReport.Builder decodeKpm(RanFunctionInfo function, Object decodeContext, int actionId, byte[] header,
      byte[] message, CellNaming naming) throws ServiceModelException {
    return decodeKpm(function, decodeContext, header, message, naming);
  }

  RcReport.Builder decodeRc(RanFunctionInfo function, Object decodeContext, byte[] header, byte[] message)
      throws ServiceModelException;

  /**
   * Builds the E2SM control header and message for a request, choosing among the node's functions
   * the one that offers the action. Throws (with the cause to report) when no function can.
   */
  ControlContent encodeControl(List<RanFunctionInfo> functions, ControlRequest request, CellNaming naming)
      throws ServiceModelException;

  /** A readable form of a control outcome (E2SM-encoded), empty when there is none. */
  String describeOutcome(RanFunctionInfo function, byte[] outcome);
}
