package io.oranric.e2.sm;

import io.oranric.e2.protocol.Plmn;

/**
 * The UE identities of E2SM UEID (E2SM-COMMON) that NG-RAN nodes use: a gNB (or CU-CP) names a UE by its
 * AMF UE NGAP id plus GUAMI, a DU by its gNB-CU UE F1AP id, a CU-UP by its gNB-CU-CP UE E1AP id. The text
 * form ({@link #text()}) is what {@code MeasurementScope.ue_id} and control requests carry.
 */
public sealed interface UeId permits UeId.Gnb, UeId.GnbDu, UeId.GnbCuUp, UeId.Other {

  /** A GUAMI: PLMN, AMF region (8 bits), AMF set (10 bits), AMF pointer (6 bits). */
  record Guami(Plmn plmn, int amfRegionId, int amfSetId, int amfPointer) {
    public Guami {
      if (amfRegionId < 0 || amfRegionId > 255 || amfSetId < 0 || amfSetId > 1023 || amfPointer < 0 || amfPointer > 63) {
        throw new IllegalArgumentException("GUAMI out of range: region " + amfRegionId + " set " + amfSetId
            + " pointer " + amfPointer);
      }
    }
  }

  /** UEID-GNB: AMF UE NGAP id (0..2^40-1) and GUAMI, optionally the RAN UE id. */
  record Gnb(long amfUeNgapId, Guami guami, Long ranUeId) implements UeId {
    public Gnb {
      if (amfUeNgapId < 0 || amfUeNgapId > 0xFF_FFFF_FFFFL) {
        throw new IllegalArgumentException("AMF UE NGAP id is 0..2^40-1: " + amfUeNgapId);
      }
      if (guami == null) {
        throw new IllegalArgumentException("UEID-GNB needs a GUAMI");
      }
    }

    @Override
    public String text() {
      return "gnb:" + amfUeNgapId;
    }
  }

  /** UEID-GNB-DU: gNB-CU UE F1AP id, optionally the RAN UE id. */
  record GnbDu(long cuUeF1apId, Long ranUeId) implements UeId {
    public GnbDu {
      if (cuUeF1apId < 0 || cuUeF1apId > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("gNB-CU UE F1AP id is 32 bits: " + cuUeF1apId);
      }
    }

    @Override
    public String text() {
      return "gnb-du:" + cuUeF1apId;
    }
  }

  /** UEID-GNB-CU-UP: gNB-CU-CP UE E1AP id, optionally the RAN UE id. */
  record GnbCuUp(long cuCpUeE1apId, Long ranUeId) implements UeId {
    public GnbCuUp {
      if (cuCpUeE1apId < 0 || cuCpUeE1apId > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("gNB-CU-CP UE E1AP id is 32 bits: " + cuCpUeE1apId);
      }
    }

    @Override
    public String text() {
      return "gnb-cu-up:" + cuCpUeE1apId;
    }
  }

  /**
   * The LTE and ng-eNB identities (ng-eNB: AMF UE NGAP id, en-gNB: MeNB UE X2AP id, eNB: MME UE S1AP id),
   * kept by kind and number so that a report naming such a UE still reads; never built by us.
   */
  record Other(String kind, long id) implements UeId {
    @Override
    public String text() {
      return kind + ":" + id;
    }
  }

  /** {@code gnb:<amf ue ngap id>}, {@code gnb-du:<f1ap id>} or {@code gnb-cu-up:<e1ap id>}. */
  String text();

  /**
   * Parses the text form. A bare number is a gNB UE (AMF UE NGAP id), which is how CU-level actions
   * such as handover name UEs; {@code guami} fills in the GUAMI that the text form does not carry.
   */
  static UeId parse(String text, Guami guami) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty UE id");
    }
    String t = text.trim();
    int colon = t.lastIndexOf(':');
    String kind = colon < 0 ? "gnb" : t.substring(0, colon);
    long id;
    try {
      id = Long.parseLong(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("UE id must end in a number: " + text);
    }
    switch (kind) {
      case "gnb":
      case "amf":
        return new Gnb(id, guami, null);
      case "gnb-du":
      case "du":
        return new GnbDu(id, null);
      case "gnb-cu-up":
      case "cu-up":
        return new GnbCuUp(id, null);
      default:
        throw new IllegalArgumentException("unknown UE id kind " + kind + " in " + text
            + " (gnb:, gnb-du:, gnb-cu-up:)");
    }
  }
}
