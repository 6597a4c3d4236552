package io.oranric.e2.sm.rc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RAN parameters of E2SM-RC control style 3 action 1 "Handover Control" (E2SM-RC v1.03 section
 * 8.4.4.1) that a handover to an NR cell needs: 1 Target Primary Cell ID (STRUCTURE) > 2 CHOICE Target
 * Cell (STRUCTURE) > 3 NR Cell (STRUCTURE) > 4 NR CGI (ELEMENT). The NR CGI travels as an OCTET STRING
 * holding the APER encoding of NR-CGI (PLMN Identity, 36-bit NR Cell Identity), as srsRAN's oran-sc-ric
 * handover xApp writes it.
 */
public record HandoverParams(long targetPrimaryCell, long targetCellChoice, long nrCell, long nrCgi) {
  public static final HandoverParams SPEC = new HandoverParams(1, 2, 3, 4);

  public Map<Long, String> names() {
    Map<Long, String> m = new LinkedHashMap<>();
    m.put(targetPrimaryCell, "Target Primary Cell ID");
    m.put(targetCellChoice, "CHOICE Target Cell");
    m.put(nrCell, "NR Cell");
    m.put(nrCgi, "NR CGI");
    return m;
  }

  public static HandoverParams fromNames(Map<Long, String> byId) {
    Map<String, Long> ids = new LinkedHashMap<>();
    byId.forEach((id, name) -> ids.putIfAbsent(SliceQuotaParams.norm(name), id));
    return new HandoverParams(ids.getOrDefault("targetprimarycellid", 1L),
        ids.getOrDefault("choicetargetcell", ids.getOrDefault("targetcell", 2L)), ids.getOrDefault("nrcell", 3L),
        ids.getOrDefault("nrcgi", 4L));
  }
}
