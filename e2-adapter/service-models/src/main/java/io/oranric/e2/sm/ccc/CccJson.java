package io.oranric.e2.sm.ccc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.SliceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of E2SM-CCC that srsRAN Project speaks: a typed Jackson codec for the control header,
 * control message, control outcome and RAN function definition, and for the configuration structures
 * this project changes. Field names follow srsRAN's e2sm_ccc to_json/from_json (camelCase names of the
 * O-RAN E2SM-CCC JSON schema); choices are flattened as srsRAN does ({@code controlHeaderFormat} holds
 * the format 1 object itself). Readers ignore fields they do not know.
 */
public final class CccJson {
  private CccJson() {}

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  // ------------------------------------------------------------------ common

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PlmnId(String mcc, String mnc) {
    static PlmnId of(Plmn p) {
      return new PlmnId(p.mcc(), p.mnc());
    }

    Plmn plmn() {
      return new Plmn(mcc, mnc);
    }
  }

  /** CellGlobalId: PLMN and the 36-bit NR cell identity as 9 hex digits (as srsRAN's oran-sc-ric xApp writes it). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CellGlobalId(PlmnId plmnIdentity, @JsonProperty("nRCellIdentity") JsonNode nrCellIdentity) {
    static CellGlobalId of(Ncgi c) {
      return new CellGlobalId(PlmnId.of(c.plmn()), MAPPER.getNodeFactory().textNode(String.format("%09X", c.nci())));
    }

    Ncgi ncgi() {
      if (plmnIdentity == null || nrCellIdentity == null) {
        throw new IllegalArgumentException("cellGlobalId needs plmnIdentity and nRCellIdentity");
      }
      return new Ncgi(plmnIdentity.plmn(), nci(nrCellIdentity));
    }

    /** 9 hex digits (with or without 0x), 36 binary digits, or a JSON number. */
    static long nci(JsonNode n) {
      if (n.isIntegralNumber()) {
        return n.asLong();
      }
      String s = n.asText().trim();
      if (s.length() == 36 && s.matches("[01]+")) {
        return Long.parseLong(s, 2);
      }
      if (s.startsWith("0x") || s.startsWith("0X")) {
        s = s.substring(2);
      }
      if (!s.matches("[0-9a-fA-F]{1,9}")) {
        throw new IllegalArgumentException("nRCellIdentity must be up to 9 hex digits: " + n);
      }
      return Long.parseLong(s, 16);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Snssai(Integer sst, String sd) {
    static Snssai of(SliceId s) {
      return new Snssai(s.sst(), s.sd() == null ? null : String.format("%06X", s.sd()));
    }

    SliceId slice() {
      if (sst == null) {
        throw new IllegalArgumentException("snssai without sst");
      }
      return new SliceId(sst, sd == null ? null : Integer.parseInt(sd.startsWith("0x") ? sd.substring(2) : sd, 16));
    }
  }

  // ------------------------------------------------------------------ configuration structures

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RrmPolicyMember(PlmnId plmnId, Snssai snssai) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ORrmPolicyRatio(String resourceType, @JsonProperty("rRMPolicyMemberList") List<RrmPolicyMember> members,
      @JsonProperty("rRMPolicyMaxRatio") Integer maxRatio, @JsonProperty("rRMPolicyMinRatio") Integer minRatio,
      @JsonProperty("rRMPolicyDedicatedRatio") Integer dedicatedRatio) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ONrSectorCarrier(Double configuredMaxTxPower, @JsonProperty("arfcnDL") Long arfcnDl,
      @JsonProperty("bSChannelBwDL") Integer bsChannelBwDl) {}

  /** O-BWP; {@code bwpId} names the BWP instance (the managed object's id, not a 28.541 attribute). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OBwp(Integer bwpId, @JsonProperty("startRB") Integer startRb, @JsonProperty("numberOfRBs") Integer numberOfRbs,
      Integer subCarrierSpacing) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OCesManagementFunction(Boolean cesSwitch, String energySavingState, String energySavingControl) {}

  /** ValuesOfAttributes: {"ranConfigurationStructure": {...attributes...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Values(JsonNode ranConfigurationStructure) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConfigurationStructureWrite(String ranConfigurationStructureName, Values oldValuesOfAttributes,
      Values newValuesOfAttributes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CellControlled(CellGlobalId cellGlobalId, List<ConfigurationStructureWrite> listOfConfigurationStructures) {}

  // ------------------------------------------------------------------ control

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlHeaderFormat1(Long ricStyleType) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlHeader(ControlHeaderFormat1 controlHeaderFormat) {}

  /** Format 1 (node: listOfConfigurationStructures) or format 2 (cells: listOfCellsControlled). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlMessageFormat(List<ConfigurationStructureWrite> listOfConfigurationStructures,
      List<CellControlled> listOfCellsControlled) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlMessage(ControlMessageFormat controlMessageFormat) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConfigurationStructureAccepted(String ranConfigurationStructureName, Values oldValuesOfAttributes,
      Values currentValuesOfAttributes, String appliedTimestamp) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConfigurationStructureFailed(String ranConfigurationStructureName, Values oldValuesOfAttributes,
      Values requestedValuesOfAttributes, String cause) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CellControlOutcome(CellGlobalId cellGlobalId, List<ConfigurationStructureAccepted> ranConfigurationStructuresAcceptedList,
      List<ConfigurationStructureFailed> ranConfigurationStructuresFailedList) {}

  /** Outcome format 1 (node) or 2 (cells), written as srsRAN does: the format object itself. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlOutcomeFormat(String receivedTimestamp,
      List<ConfigurationStructureAccepted> ranConfigurationStructuresAcceptedList,
      List<ConfigurationStructureFailed> ranConfigurationStructuresFailedList,
      List<CellControlOutcome> listOfCellsForControlOutcome) {}

  // ------------------------------------------------------------------ RAN function definition

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RanFunctionName(String ranFunctionShortName, @JsonProperty("ranFunctionServiceModelOID") String oid,
      String ranFunctionDescription, Long ranFunctionInstance) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlStyle(Long controlServiceStyleType, String controlServiceStyleName, Long controlServiceHeaderFormatType,
      Long controlServiceMessageFormatType, Long controlServiceControlOutcomeFormatType) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlService(List<ControlStyle> listOfSupportedControlStyles) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SupportedServices(ControlService controlService) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Attribute(String attributeName, SupportedServices supportedServices) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RanConfigurationStructure(String ranConfigurationStructureName, List<Attribute> listOfSupportedAttributes) {}

  /** A cell of the definition; srsRAN's JSON names the CGI cellGlobalId, the v1.01 ASN.1 cellGlobalID: both read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CellForRanFunctionDefinition(CellGlobalId cellGlobalId,
      @JsonProperty("cellGlobalID") CellGlobalId cellGlobalIdUpper,
      List<RanConfigurationStructure> listOfSupportedCellLevelRANConfigurationStructures) {
    CellGlobalId cgi() {
      return cellGlobalId != null ? cellGlobalId : cellGlobalIdUpper;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RanFunctionDefinition(RanFunctionName ranFunctionName,
      List<RanConfigurationStructure> listOfSupportedNodeLevelConfigurationStructures,
      @JsonProperty("listOfCellsForRANFunctionDefinition") List<CellForRanFunctionDefinition> cells) {}

  // ------------------------------------------------------------------ I/O

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write E2SM-CCC JSON", e);
    }
  }

  /** Reads UTF-8 JSON; IllegalArgumentException when it is not JSON of this shape. */
  public static <T> T read(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not E2SM-CCC JSON (" + type.getSimpleName() + "): " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not E2SM-CCC JSON (" + type.getSimpleName() + "): " + e.getMessage(), e);
    }
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** True when the bytes look like a JSON object (first non-blank character '{'). */
  public static boolean looksLikeJson(byte[] b) {
    for (byte x : b) {
      if (x == ' ' || x == '\t' || x == '\r' || x == '\n') {
        continue;
      }
      return x == '{';
    }
    return false;
  }

  // ------------------------------------------------------------------ typed changes <-> JSON attributes

  /** The attributes object of a change. */
  static JsonNode attributes(CccChange c) {
    if (c instanceof CccChange.RrmPolicyRatio r) {
      return tree(new ORrmPolicyRatio(r.resourceType(), r.members().stream()
          .map(m -> new RrmPolicyMember(PlmnId.of(m.plmn()), Snssai.of(m.slice()))).toList(), r.maxRatio(), r.minRatio(),
          r.dedicatedRatio()));
    }
    if (c instanceof CccChange.SectorCarrier s) {
      return tree(new ONrSectorCarrier(s.configuredMaxTxPowerDbm(), s.arfcnDl(), s.bsChannelBwDlMhz()));
    }
    if (c instanceof CccChange.Bwp b) {
      return tree(new OBwp(b.bwpId(), b.startRb(), b.numberOfRbs(), b.subcarrierSpacingKhz()));
    }
    CccChange.EnergySaving e = (CccChange.EnergySaving) c;
    switch (e.mode()) {
      case SLEEP: return tree(new OCesManagementFunction(null, null, "toBeEnergySaving"));
      case WAKE: return tree(new OCesManagementFunction(null, null, "toBeNotEnergySaving"));
      default: return tree(new OCesManagementFunction(true, null, null));
    }
  }

  static ConfigurationStructureWrite write(CccChange c) {
    Values v = new Values(attributes(c));
    // the old values are not known to the RIC: the structure names what is written, as the oran-sc-ric xApps do
    return new ConfigurationStructureWrite(c.structureName(), v, v);
  }

  /** The typed change of a written structure (its new values). */
  static CccChange change(ConfigurationStructureWrite w) {
    if (w == null || w.ranConfigurationStructureName() == null || w.newValuesOfAttributes() == null) {
      throw new IllegalArgumentException("configuration structure needs a name and new values");
    }
    JsonNode attrs = w.newValuesOfAttributes().ranConfigurationStructure();
    if (attrs == null || !attrs.isObject()) {
      throw new IllegalArgumentException(w.ranConfigurationStructureName() + ": newValuesOfAttributes has no ranConfigurationStructure");
    }
    return change(w.ranConfigurationStructureName(), attrs);
  }

  static CccChange change(String name, JsonNode attrs) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "O-RRMPOLICYRATIO": {
        ORrmPolicyRatio r = convert(attrs, ORrmPolicyRatio.class);
        if (r.maxRatio() == null || r.minRatio() == null || r.dedicatedRatio() == null || r.members() == null) {
          throw new IllegalArgumentException("O-RRMPolicyRatio needs rRMPolicyMemberList and the three ratios");
        }
        List<CccChange.Member> members = r.members().stream().map(m -> {
          if (m.plmnId() == null || m.snssai() == null) {
            throw new IllegalArgumentException("RRM policy member needs plmnId and snssai");
          }
          return new CccChange.Member(m.plmnId().plmn(), m.snssai().slice());
        }).toList();
        return new CccChange.RrmPolicyRatio(r.resourceType() == null ? "PRB" : r.resourceType(), members, r.maxRatio(),
            r.minRatio(), r.dedicatedRatio());
      }
      case "O-NRSECTORCARRIER": {
        ONrSectorCarrier s = convert(attrs, ONrSectorCarrier.class);
        return new CccChange.SectorCarrier(s.configuredMaxTxPower(), s.arfcnDl(), s.bsChannelBwDl());
      }
      case "O-BWP": {
        OBwp b = convert(attrs, OBwp.class);
        return new CccChange.Bwp(b.bwpId() == null ? 0 : b.bwpId(), b.startRb(), b.numberOfRbs(), b.subCarrierSpacing());
      }
      case "O-CESMANAGEMENTFUNCTION": {
        OCesManagementFunction e = convert(attrs, OCesManagementFunction.class);
        if ("toBeEnergySaving".equals(e.energySavingControl())) {
          return new CccChange.EnergySaving(CccChange.EnergySaving.Mode.SLEEP);
        }
        if ("toBeNotEnergySaving".equals(e.energySavingControl())) {
          return new CccChange.EnergySaving(CccChange.EnergySaving.Mode.WAKE);
        }
        if (Boolean.TRUE.equals(e.cesSwitch())) {
          return new CccChange.EnergySaving(CccChange.EnergySaving.Mode.REDUCE_POWER);
        }
        throw new IllegalArgumentException("O-CESManagementFunction without energySavingControl or cesSwitch");
      }
      default:
        throw new IllegalArgumentException("configuration structure " + name + " not supported");
    }
  }

  /** Makes {@code node} an object node (for tests and tools). */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
