package io.oranric.e2.sm.rc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RAN parameters of E2SM-RC control style 2 action 6 "Slice-level PRB quota" (E2SM-RC v1.03 section
 * 8.4.3.6) and how their values are written.
 *
 * <p>IDs: the specification's table numbers them 1 RRM Policy Ratio List, 2 RRM Policy Ratio Group,
 * 3 RRM Policy, 5 RRM Policy Member List, 6 RRM Policy Member, 7 PLMN Identity, 8 S-NSSAI, 9 SST, 10 SD,
 * 11 Min, 12 Max, 13 Dedicated PRB Policy Ratio (4 is not used), as srsRAN Project's
 * e2sm_rc_control_action_du_executor and its oran-sc-ric xApp do. OAI's RAN function
 * (rc_ctrl_service_style_2.h, from FlexRIC) renumbers them 1..12 without the gap. A node's RAN function
 * definition lists every control action parameter by ID and name, so the RIC takes the IDs from there
 * ({@link #fromNames}) and falls back to {@link #SPEC}.
 *
 * <p>On the wire the list items are bare RANParameter-STRUCTUREs (the Group and Member IDs name those
 * item structures and are not carried), which is what OAI parses and what srsRAN's name-driven parser
 * also reads. Values: {@link ValueForm#BINARY} writes the PLMN as the 3-octet TBCD PLMN Identity of
 * TS 38.413 and SST/SD as 1 and 3 binary octets (the specification; srsRAN); {@link ValueForm#DIGITS}
 * writes all three as ASCII decimal digits ("00101", "1", "16777215" when there is no SD), which is
 * what OAI's parser (sscanf/atoi on the octets) reads.
 */
public record SliceQuotaParams(long ratioList, long ratioGroup, long policy, long memberList, long member, long plmn,
    long snssai, long sst, long sd, long minRatio, long maxRatio, long dedicatedRatio, ValueForm form) {

  public enum ValueForm { BINARY, DIGITS }

  public static final SliceQuotaParams SPEC = new SliceQuotaParams(1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, ValueForm.BINARY);
  public static final SliceQuotaParams OAI = new SliceQuotaParams(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ValueForm.DIGITS);

  /** Parameter names as the definition lists them, with the id of each. */
  public Map<Long, String> names() {
    Map<Long, String> m = new LinkedHashMap<>();
    m.put(ratioList, "RRM Policy Ratio List");
    m.put(ratioGroup, "RRM Policy Ratio Group");
    m.put(policy, "RRM Policy");
    m.put(memberList, "RRM Policy Member List");
    m.put(member, "RRM Policy Member");
    m.put(plmn, "PLMN Identity");
    m.put(snssai, "S-NSSAI");
    m.put(sst, "SST");
    m.put(sd, "SD");
    m.put(minRatio, "Min PRB Policy Ratio");
    m.put(maxRatio, "Max PRB Policy Ratio");
    m.put(dedicatedRatio, "Dedicated PRB Policy Ratio");
    return m;
  }

  /**
   * The IDs a node announces (id -> name from its control action), SPEC for names it does not list. A
   * member list numbered 4 means OAI's renumbering, and OAI's digit form with it.
   */
  public static SliceQuotaParams fromNames(Map<Long, String> byId) {
    Map<String, Long> ids = new LinkedHashMap<>();
    byId.forEach((id, name) -> ids.putIfAbsent(norm(name), id));
    long memberList = pick(ids, SPEC.memberList, "rrmpolicymemberlist");
    return new SliceQuotaParams(pick(ids, SPEC.ratioList, "rrmpolicyratiolist"), pick(ids, SPEC.ratioGroup, "rrmpolicyratiogroup"),
        pick(ids, SPEC.policy, "rrmpolicy"), memberList, pick(ids, SPEC.member, "rrmpolicymember"),
        pick(ids, SPEC.plmn, "plmnidentity", "plmnid"), pick(ids, SPEC.snssai, "snssai"), pick(ids, SPEC.sst, "sst"),
        pick(ids, SPEC.sd, "sd"), pick(ids, SPEC.minRatio, "minprbpolicyratio", "minimumprbpolicyratio"),
        pick(ids, SPEC.maxRatio, "maxprbpolicyratio", "maximumprbpolicyratio"),
        pick(ids, SPEC.dedicatedRatio, "dedicatedprbpolicyratio"), memberList == 4 ? ValueForm.DIGITS : ValueForm.BINARY);
  }

  private static long pick(Map<String, Long> ids, long fallback, String... names) {
    for (String n : names) {
      Long id = ids.get(n);
      if (id != null) {
        return id;
      }
    }
    return fallback;
  }

  /** Lower-case letters and digits only ("Min PRB Policy Ratio" -> "minprbpolicyratio"); per control request, so no regex. */
  static String norm(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = Character.toLowerCase(name.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
