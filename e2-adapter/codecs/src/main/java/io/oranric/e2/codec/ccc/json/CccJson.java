package io.oranric.e2.codec.ccc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * E2SM-CCC as srsRAN speaks it: the RIC control header, control message, control outcome and indication
 * message are JSON text carried in the E2AP OCTET STRINGs (RICcontrolHeader, RICcontrolMessage...), with
 * the configuration structures of O-RAN WG3 E2SM-CCC / 3GPP TS 28.541 ({@code O-NRSectorCarrier},
 * {@code O-BWP}, {@code O-RRMPolicyRatio}, {@code O-CESManagementFunction}, others kept generic).
 *
 * <p>Field names follow the E2SM-CCC JSON naming. Parsing is tolerant: a format may be written directly or
 * under its ASN.1-style alternative name ({@code "e2SM-CCC-ControlMessageFormat1": {...}}), and every
 * attribute this codec does not model is kept and written back.
 */
public final class CccJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CccJson() {
    }

    /** Thrown for payloads that are not E2SM-CCC JSON. */
    public static final class CccJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public CccJsonException(String msg, Throwable cause) {
            super(msg, cause);
        }
    }

    // ====================================================================== configuration structures

    /** A RAN configuration structure: its name and attribute values. */
    public sealed interface ConfigurationStructure permits NrSectorCarrier, Bwp, RrmPolicyRatio, CesManagementFunction, Generic {
        /** {@code O-NRSectorCarrier}, {@code O-BWP}... */
        String name();

        /** Attributes this codec does not model, written back as they came. */
        Map<String, JsonNode> extra();
    }

    /** {@code O-NRSectorCarrier}: transmit power and carrier frequency/bandwidth. Absent attributes are null. */
    public record NrSectorCarrier(Integer configuredMaxTxPower, Integer arfcnDL, Integer arfcnUL, Integer bSChannelBwDL,
                                  Integer bSChannelBwUL, Map<String, JsonNode> extra) implements ConfigurationStructure {
        public static final String NAME = "O-NRSectorCarrier";

        public NrSectorCarrier {
            extra = Map.copyOf(extra);
        }

        public NrSectorCarrier(Integer configuredMaxTxPower, Integer arfcnDL, Integer bSChannelBwDL) {
            this(configuredMaxTxPower, arfcnDL, null, bSChannelBwDL, null, Map.of());
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** {@code O-BWP}: a bandwidth part. */
    public record Bwp(String bwpContext, String isInitialBwp, Integer subCarrierSpacing, String cyclicPrefix, Integer startRB,
                      Integer numberOfRBs, Map<String, JsonNode> extra) implements ConfigurationStructure {
        public static final String NAME = "O-BWP";

        public Bwp {
            extra = Map.copyOf(extra);
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A PLMN as MCC and MNC digits. */
    public record PlmnId(String mcc, String mnc) {
        public PlmnId {
            Objects.requireNonNull(mcc, "mcc");
            Objects.requireNonNull(mnc, "mnc");
        }
    }

    /** S-NSSAI: slice/service type and optional slice differentiator (hex, 6 digits). */
    public record Snssai(int sst, String sd) {
    }

    /** A member of an RRM policy: PLMN and slice. */
    public record RrmPolicyMember(PlmnId plmnId, Snssai snssai) {
    }

    /** {@code O-RRMPolicyRatio}: slice-level resource shares (percent). */
    public record RrmPolicyRatio(String resourceType, List<RrmPolicyMember> rRMPolicyMemberList, Integer rRMPolicyMaxRatio,
                                 Integer rRMPolicyMinRatio, Integer rRMPolicyDedicatedRatio, Map<String, JsonNode> extra)
            implements ConfigurationStructure {
        public static final String NAME = "O-RRMPolicyRatio";

        public RrmPolicyRatio {
            rRMPolicyMemberList = rRMPolicyMemberList == null ? null : List.copyOf(rRMPolicyMemberList);
            extra = Map.copyOf(extra);
            for (Integer r : new Integer[] {rRMPolicyMaxRatio, rRMPolicyMinRatio, rRMPolicyDedicatedRatio}) {
                if (r != null && (r < 0 || r > 100)) {
                    throw new IllegalArgumentException("RRM policy ratios are percentages (0..100), got " + r);
                }
            }
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** {@code O-CESManagementFunction}: cell energy saving. */
    public record CesManagementFunction(Boolean cesSwitch, String energySavingControl, String energySavingState,
                                        Map<String, JsonNode> extra) implements ConfigurationStructure {
        public static final String NAME = "O-CESManagementFunction";
        public static final String TO_BE_ENERGY_SAVING = "toBeEnergySaving";
        public static final String TO_BE_NOT_ENERGY_SAVING = "toBeNotEnergySaving";
        public static final String IS_ENERGY_SAVING = "isEnergySaving";
        public static final String IS_NOT_ENERGY_SAVING = "isNotEnergySaving";

        public CesManagementFunction {
            extra = Map.copyOf(extra);
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Any other configuration structure, attributes as JSON. */
    public record Generic(String name, Map<String, JsonNode> extra) implements ConfigurationStructure {
        public Generic {
            Objects.requireNonNull(name, "name");
            extra = Map.copyOf(extra);
        }
    }

    // ====================================================================== messages

    /** One structure to change: old values (may be null) and new values. */
    public record ConfigurationChange(String ranConfigurationStructureName, ConfigurationStructure oldValues,
                                      ConfigurationStructure newValues) {
        public ConfigurationChange {
            Objects.requireNonNull(ranConfigurationStructureName, "ranConfigurationStructureName");
            Objects.requireNonNull(newValues, "newValues");
        }

        public ConfigurationChange(ConfigurationStructure newValues) {
            this(newValues.name(), null, newValues);
        }
    }

    /** A cell, as the JSON shows it (kept as JSON: NR-CGI or E-UTRA-CGI). */
    public record CellChanges(JsonNode cellGlobalId, List<ConfigurationChange> listOfConfigurationStructures) {
        public CellChanges {
            listOfConfigurationStructures = List.copyOf(listOfConfigurationStructures);
        }
    }

    /** RIC control header: format 1 carries the RIC style type. */
    public record ControlHeader(int ricStyleType) {
    }

    /** RIC control message: node-level changes (format 1) or per-cell changes (format 2). */
    public record ControlMessage(List<ConfigurationChange> nodeLevel, List<CellChanges> cellLevel) {
        public ControlMessage {
            if ((nodeLevel == null) == (cellLevel == null)) {
                throw new IllegalArgumentException("a control message is either node-level (format 1) or cell-level (format 2)");
            }
            nodeLevel = nodeLevel == null ? null : List.copyOf(nodeLevel);
            cellLevel = cellLevel == null ? null : List.copyOf(cellLevel);
        }

        public static ControlMessage nodeLevel(ConfigurationChange... changes) {
            return new ControlMessage(List.of(changes), null);
        }
    }

    /** An accepted change in a control outcome. */
    public record Accepted(String ranConfigurationStructureName, ConfigurationStructure oldValues,
                           ConfigurationStructure currentValues, String appliedTimestamp) {
    }

    /** A refused change in a control outcome. */
    public record Failed(String ranConfigurationStructureName, ConfigurationStructure oldValues,
                         ConfigurationStructure requestedValues, String cause) {
    }

    /** RIC control outcome, format 1. */
    public record ControlOutcome(String receivedTimestamp, List<Accepted> accepted, List<Failed> failed) {
        public ControlOutcome {
            accepted = List.copyOf(accepted);
            failed = List.copyOf(failed);
        }
    }

    /** One reported structure in an indication (format 1). */
    public record ReportedStructure(String changeType, String ranConfigurationStructureName, ConfigurationStructure values,
                                    ConfigurationStructure oldValues) {
    }

    /** RIC indication message, format 1: reported configuration structures. */
    public record IndicationMessage(List<ReportedStructure> listOfConfigurationsReported) {
        public IndicationMessage {
            listOfConfigurationsReported = List.copyOf(listOfConfigurationsReported);
        }
    }

    // ====================================================================== encode

    public static byte[] encode(ControlHeader h) {
        ObjectNode root = F.objectNode();
        root.putObject("controlHeaderFormat").put("ricStyleType", h.ricStyleType());
        return bytes(root);
    }

    public static byte[] encode(ControlMessage m) {
        ObjectNode root = F.objectNode();
        ObjectNode fmt = root.putObject("controlMessageFormat");
        if (m.nodeLevel() != null) {
            ArrayNode l = fmt.putArray("listOfConfigurationStructures");
            m.nodeLevel().forEach(c -> l.add(change(c)));
        } else {
            ArrayNode cells = fmt.putArray("listOfCellsControlled");
            for (CellChanges cc : m.cellLevel()) {
                ObjectNode c = cells.addObject();
                c.set("cellGlobalId", cc.cellGlobalId());
                ArrayNode l = c.putArray("listOfConfigurationStructures");
                cc.listOfConfigurationStructures().forEach(x -> l.add(change(x)));
            }
        }
        return bytes(root);
    }

    public static byte[] encode(ControlOutcome o) {
        ObjectNode root = F.objectNode();
        ObjectNode fmt = root.putObject("controlOutcomeFormat");
        if (o.receivedTimestamp() != null) {
            fmt.put("receivedTimestamp", o.receivedTimestamp());
        }
        ArrayNode acc = fmt.putArray("ranConfigurationStructuresAcceptedList");
        for (Accepted a : o.accepted()) {
            ObjectNode n = acc.addObject();
            n.put("ranConfigurationStructureName", a.ranConfigurationStructureName());
            putValues(n, "oldValuesOfAttributes", a.oldValues());
            putValues(n, "currentValuesOfAttributes", a.currentValues());
            if (a.appliedTimestamp() != null) {
                n.put("appliedTimestamp", a.appliedTimestamp());
            }
        }
        ArrayNode fail = fmt.putArray("ranConfigurationStructuresFailedList");
        for (Failed f : o.failed()) {
            ObjectNode n = fail.addObject();
            n.put("ranConfigurationStructureName", f.ranConfigurationStructureName());
            putValues(n, "oldValuesOfAttributes", f.oldValues());
            putValues(n, "requestedValuesOfAttributes", f.requestedValues());
            n.put("cause", f.cause());
        }
        return bytes(root);
    }

    public static byte[] encode(IndicationMessage m) {
        ObjectNode root = F.objectNode();
        ArrayNode l = root.putObject("indicationMessageFormat").putArray("listOfConfigurationsReported");
        for (ReportedStructure r : m.listOfConfigurationsReported()) {
            ObjectNode n = l.addObject();
            n.put("changeType", r.changeType());
            n.put("ranConfigurationStructureName", r.ranConfigurationStructureName());
            putValues(n, "valuesOfAttributes", r.values());
            putValues(n, "oldValuesOfAttributes", r.oldValues());
        }
        return bytes(root);
    }

    private static ObjectNode change(ConfigurationChange c) {
        ObjectNode n = F.objectNode();
        n.put("ranConfigurationStructureName", c.ranConfigurationStructureName());
        putValues(n, "oldValuesOfAttributes", c.oldValues());
        putValues(n, "newValuesOfAttributes", c.newValues());
        return n;
    }

    private static void putValues(ObjectNode n, String key, ConfigurationStructure s) {
        if (s != null) {
            n.putObject(key).set("ranConfigurationStructure", attributes(s));
        }
    }

    /** The attributes of a structure as a JSON object (modelled ones first, then the others). */
    public static ObjectNode attributes(ConfigurationStructure s) {
        ObjectNode o = F.objectNode();
        if (s instanceof NrSectorCarrier c) {
            putInt(o, "configuredMaxTxPower", c.configuredMaxTxPower());
            putInt(o, "arfcnDL", c.arfcnDL());
            putInt(o, "arfcnUL", c.arfcnUL());
            putInt(o, "bSChannelBwDL", c.bSChannelBwDL());
            putInt(o, "bSChannelBwUL", c.bSChannelBwUL());
        } else if (s instanceof Bwp b) {
            putText(o, "bwpContext", b.bwpContext());
            putText(o, "isInitialBwp", b.isInitialBwp());
            putInt(o, "subCarrierSpacing", b.subCarrierSpacing());
            putText(o, "cyclicPrefix", b.cyclicPrefix());
            putInt(o, "startRB", b.startRB());
            putInt(o, "numberOfRBs", b.numberOfRBs());
        } else if (s instanceof RrmPolicyRatio r) {
            putText(o, "resourceType", r.resourceType());
            if (r.rRMPolicyMemberList() != null) {
                ArrayNode l = o.putArray("rRMPolicyMemberList");
                for (RrmPolicyMember m : r.rRMPolicyMemberList()) {
                    ObjectNode mn = l.addObject();
                    if (m.plmnId() != null) {
                        mn.putObject("plmnId").put("mcc", m.plmnId().mcc()).put("mnc", m.plmnId().mnc());
                    }
                    if (m.snssai() != null) {
                        ObjectNode sn = mn.putObject("snssai").put("sst", m.snssai().sst());
                        if (m.snssai().sd() != null) {
                            sn.put("sd", m.snssai().sd());
                        }
                    }
                }
            }
            putInt(o, "rRMPolicyMaxRatio", r.rRMPolicyMaxRatio());
            putInt(o, "rRMPolicyMinRatio", r.rRMPolicyMinRatio());
            putInt(o, "rRMPolicyDedicatedRatio", r.rRMPolicyDedicatedRatio());
        } else if (s instanceof CesManagementFunction c) {
            if (c.cesSwitch() != null) {
                o.put("cesSwitch", c.cesSwitch());
            }
            putText(o, "energySavingControl", c.energySavingControl());
            putText(o, "energySavingState", c.energySavingState());
        }
        s.extra().forEach(o::set);
        return o;
    }

    private static void putInt(ObjectNode o, String k, Integer v) {
        if (v != null) {
            o.put(k, v);
        }
    }

    private static void putText(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ====================================================================== decode

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode n = MAPPER.readTree(payload);
            if (n == null || !n.isObject()) {
                throw new CccJsonException("E2SM-CCC payload is not a JSON object: "
                        + new String(payload, 0, Math.min(payload.length, 60), StandardCharsets.UTF_8), null);
            }
            return n;
        } catch (IOException e) {
            throw new CccJsonException("E2SM-CCC payload is not JSON: " + e.getMessage(), e);
        }
    }

    /** The format object under {@code key}, unwrapping an ASN.1-style alternative name if present. */
    private static JsonNode format(JsonNode root, String key) {
        JsonNode f = root.get(key);
        if (f == null) {
            throw new CccJsonException("missing " + key, null);
        }
        if (f.size() == 1) {
            String only = f.fieldNames().next();
            if (only.startsWith("e2SM-CCC-") || only.startsWith("e2sm-ccc-") || only.startsWith("e2SmCcc")) {
                return f.get(only);
            }
        }
        return f;
    }

    public static ControlHeader decodeControlHeader(byte[] payload) {
        JsonNode f = format(parse(payload), "controlHeaderFormat");
        if (!f.has("ricStyleType")) {
            throw new CccJsonException("control header without ricStyleType", null);
        }
        return new ControlHeader(f.get("ricStyleType").asInt());
    }

    public static ControlMessage decodeControlMessage(byte[] payload) {
        JsonNode f = format(parse(payload), "controlMessageFormat");
        if (f.has("listOfConfigurationStructures")) {
            return new ControlMessage(changes(f.get("listOfConfigurationStructures")), null);
        }
        JsonNode cells = f.has("listOfCellsControlled") ? f.get("listOfCellsControlled") : f.get("listOfCellsReported");
        if (cells == null) {
            throw new CccJsonException("control message without listOfConfigurationStructures or listOfCellsControlled", null);
        }
        List<CellChanges> out = new ArrayList<>();
        for (JsonNode c : cells) {
            out.add(new CellChanges(c.get("cellGlobalId"), changes(c.path("listOfConfigurationStructures"))));
        }
        return new ControlMessage(null, out);
    }

    private static List<ConfigurationChange> changes(JsonNode list) {
        List<ConfigurationChange> out = new ArrayList<>();
        for (JsonNode c : list) {
            String name = c.path("ranConfigurationStructureName").asText(null);
            if (name == null) {
                throw new CccJsonException("configuration structure without ranConfigurationStructureName", null);
            }
            out.add(new ConfigurationChange(name, values(name, c.get("oldValuesOfAttributes")),
                    values(name, c.get("newValuesOfAttributes"))));
        }
        return out;
    }

    public static ControlOutcome decodeControlOutcome(byte[] payload) {
        JsonNode f = format(parse(payload), "controlOutcomeFormat");
        List<Accepted> acc = new ArrayList<>();
        for (JsonNode a : f.path("ranConfigurationStructuresAcceptedList")) {
            String name = a.path("ranConfigurationStructureName").asText();
            acc.add(new Accepted(name, values(name, a.get("oldValuesOfAttributes")),
                    values(name, a.get("currentValuesOfAttributes")), a.path("appliedTimestamp").asText(null)));
        }
        List<Failed> fail = new ArrayList<>();
        for (JsonNode a : f.path("ranConfigurationStructuresFailedList")) {
            String name = a.path("ranConfigurationStructureName").asText();
            fail.add(new Failed(name, values(name, a.get("oldValuesOfAttributes")),
                    values(name, a.get("requestedValuesOfAttributes")), a.path("cause").asText(null)));
        }
        return new ControlOutcome(f.path("receivedTimestamp").asText(null), acc, fail);
    }

    public static IndicationMessage decodeIndicationMessage(byte[] payload) {
        JsonNode f = format(parse(payload), "indicationMessageFormat");
        List<ReportedStructure> out = new ArrayList<>();
        for (JsonNode r : f.path("listOfConfigurationsReported")) {
            String name = r.path("ranConfigurationStructureName").asText();
            out.add(new ReportedStructure(r.path("changeType").asText(null), name, values(name, r.get("valuesOfAttributes")),
                    values(name, r.get("oldValuesOfAttributes"))));
        }
        return new IndicationMessage(out);
    }

    /** The structure inside {@code {"ranConfigurationStructure": {...}}} (or the bare attributes object). */
    private static ConfigurationStructure values(String name, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode attrs = v.has("ranConfigurationStructure") ? v.get("ranConfigurationStructure") : v;
        return structure(name, attrs);
    }

    /** A typed structure from its name and attributes object. */
    public static ConfigurationStructure structure(String name, JsonNode attrs) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = attrs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            extra.put(e.getKey(), e.getValue());
        }
        switch (name) {
            case NrSectorCarrier.NAME:
                return new NrSectorCarrier(takeInt(extra, "configuredMaxTxPower"), takeInt(extra, "arfcnDL"),
                        takeInt(extra, "arfcnUL"), takeInt(extra, "bSChannelBwDL"), takeInt(extra, "bSChannelBwUL"), extra);
            case Bwp.NAME:
                return new Bwp(takeText(extra, "bwpContext"), takeText(extra, "isInitialBwp"), takeInt(extra, "subCarrierSpacing"),
                        takeText(extra, "cyclicPrefix"), takeInt(extra, "startRB"), takeInt(extra, "numberOfRBs"), extra);
            case RrmPolicyRatio.NAME: {
                String resourceType = takeText(extra, "resourceType");
                List<RrmPolicyMember> members = null;
                JsonNode ml = extra.get("rRMPolicyMemberList");
                if (ml != null && ml.isArray()) {
                    extra.remove("rRMPolicyMemberList");
                    members = new ArrayList<>();
                    for (JsonNode m : ml) {
                        JsonNode p = m.get("plmnId");
                        JsonNode s = m.get("snssai");
                        members.add(new RrmPolicyMember(p == null ? null : new PlmnId(p.path("mcc").asText(), p.path("mnc").asText()),
                                s == null ? null : new Snssai(s.path("sst").asInt(), s.has("sd") ? s.get("sd").asText() : null)));
                    }
                }
                return new RrmPolicyRatio(resourceType, members, takeInt(extra, "rRMPolicyMaxRatio"),
                        takeInt(extra, "rRMPolicyMinRatio"), takeInt(extra, "rRMPolicyDedicatedRatio"), extra);
            }
            case CesManagementFunction.NAME: {
                JsonNode sw = extra.get("cesSwitch");
                Boolean cesSwitch = null;
                if (sw != null && sw.isBoolean()) {
                    extra.remove("cesSwitch");
                    cesSwitch = sw.asBoolean();
                }
                return new CesManagementFunction(cesSwitch, takeText(extra, "energySavingControl"),
                        takeText(extra, "energySavingState"), extra);
            }
            default:
                return new Generic(name, extra);
        }
    }

    private static Integer takeInt(Map<String, JsonNode> m, String k) {
        JsonNode n = m.get(k);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            return null; // absent, or a form we do not model: stays in extra
        }
        m.remove(k);
        return n.asInt();
    }

    private static String takeText(Map<String, JsonNode> m, String k) {
        JsonNode n = m.get(k);
        if (n == null || !n.isTextual()) {
            return null;
        }
        m.remove(k);
        return n.asText();
    }
}
