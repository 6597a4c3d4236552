package io.oranric.e2.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.UnknownExtensions;
import io.oranric.e2.aper.meta.AsnEnumerated;
import io.oranric.e2.aper.meta.AsnNull;
import io.oranric.e2.aper.meta.AsnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON view of any value of the generated codecs, and back, driven by the type descriptors. Field names
 * are the ASN.1 identifiers.
 *
 * <ul>
 *   <li>SEQUENCE: an object; absent components are left out. Unknown extension additions appear as
 *       {@code "_unknownExtensions": {"bitmapLength": n, "knownCount": k, "additions": ["hex" | null, ...]}}.</li>
 *   <li>CHOICE: {@code {"alternative": value}}; an unknown alternative {@code {"_unknown": {"extensionIndex": i, "encoding": "hex"}}}.</li>
 *   <li>ENUMERATED: the identifier; an unknown extension value {@code {"_unknownExtension": i}}.</li>
 *   <li>INTEGER, BOOLEAN, REAL: numbers and booleans (REAL specials as "Infinity", "-Infinity", "NaN"); NULL: null.</li>
 *   <li>OCTET STRING and raw open types: hex; BIT STRING: {@code {"bits": n, "hex": "..."}} (a string of 0/1 is accepted too).</li>
 *   <li>IE fields ({@code ProtocolIE-Field}, {@code InitiatingMessage}...): {@code {"id": "id-RICrequestID",
 *       "criticality": "reject", "value": ...}} (keys may also be given as numbers).</li>
 *   <li>With an E2SM set, E2SM payloads inside E2AP OCTET STRINGs are shown decoded:
 *       {@code {"$e2sm": "KPM3", "type": "E2SM-KPM-IndicationHeader", "value": {...}}}; payloads that are JSON
 *       text (srsRAN's E2SM-CCC) as {@code {"$json": ...}}. Both forms encode back.</li>
 * </ul>
 */
public final class Asn1Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Asn1Set e2sm;

    private Asn1Json(Asn1Set e2sm) {
        this.e2sm = e2sm;
    }

    /** E2SM payloads stay hex. */
    public static Asn1Json plain() {
        return new Asn1Json(null);
    }

    /** E2SM payloads in E2AP OCTET STRINGs are decoded with {@code e2sm} (KPM2 and KPM3 fall back on each other). */
    public static Asn1Json withE2sm(Asn1Set e2sm) {
        if (e2sm != null && !e2sm.isE2sm()) {
            throw new IllegalArgumentException(e2sm + " is not an E2SM set");
        }
        return new Asn1Json(e2sm);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    // ====================================================================== convenience

    /** Decodes {@code bytes} as {@code type} of {@code set} and returns the JSON view. */
    public JsonNode decodeToJson(Asn1Set set, String type, byte[] bytes) {
        AsnType t = set.type(type);
        return toJson(t, t.decode(new AperReader(bytes)));
    }

    /** Builds the value of {@code type} from {@code json} and returns its complete APER encoding. */
    public byte[] encodeFromJson(Asn1Set set, String type, JsonNode json) {
        AsnType t = set.type(type);
        Object v = fromJson(t, json);
        AperWriter w = new AperWriter();
        t.encode(w, v);
        return w.toCompleteEncoding();
    }

    /** The JSON view of {@code value} (a value of the generated type described by {@code type}). */
    public JsonNode toJson(Asn1Set set, String type, Object value) {
        return toJson(set.type(type), value);
    }

    /** The generated value described by {@code json}. */
    public Object fromJson(Asn1Set set, String type, JsonNode json) {
        return fromJson(set.type(type), json);
    }

    // ====================================================================== value -> JSON

    public JsonNode toJson(AsnType t, Object v) {
        if (t instanceof AsnType.SequenceType st) {
            ObjectNode o = F.objectNode();
            for (AsnType.Component c : st.components()) {
                Object cv = c.getter().apply(v);
                if (cv != null) {
                    o.set(c.name(), toJson(c.resolvedType(), cv));
                }
            }
            UnknownExtensions u = st.unknownExtensions(v);
            if (u != null) {
                ObjectNode x = o.putObject("_unknownExtensions");
                x.put("bitmapLength", u.bitmapLength());
                x.put("knownCount", u.knownCount());
                ArrayNode a = x.putArray("additions");
                for (OctetString s : u.additions()) {
                    if (s == null) {
                        a.addNull();
                    } else {
                        a.add(s.toHex());
                    }
                }
            }
            return o;
        }
        if (t instanceof AsnType.ChoiceType ct) {
            ObjectNode o = F.objectNode();
            if (v instanceof AsnType.UnknownAlternative u) {
                ObjectNode x = o.putObject("_unknown");
                x.put("extensionIndex", u.extensionIndex());
                x.put("encoding", u.encoding().toHex());
                return o;
            }
            AsnType.ChoiceValue cv = (AsnType.ChoiceValue) v;
            AsnType.Alternative alt = ct.alternatives().get(cv.choiceIndex());
            o.set(alt.name(), toJson(alt.resolvedType(), cv.choiceValue()));
            return o;
        }
        if (t instanceof AsnType.TableType tt) {
            AsnType.TableValue tv = (AsnType.TableValue) v;
            Object[] fields = tv.fieldValues();
            AsnType.TableRow row = tv.rowIndex() < 0 ? null : tt.rows().get(tv.rowIndex());
            ObjectNode o = F.objectNode();
            for (int i = 0; i < fields.length; i++) {
                AsnType.TableField f = tt.fields().get(i);
                switch (f.role()) {
                    case KEY -> {
                        if (row != null) {
                            o.put(f.name(), row.keyName());
                        } else {
                            o.put(f.name(), (Long) fields[i]);
                        }
                    }
                    case VALUE -> o.set(f.name(), toJson(f.type().get(), fields[i]));
                    case OPEN -> o.set(f.name(), row == null ? F.textNode(((OctetString) fields[i]).toHex())
                            : toJson(row.openType(i), fields[i]));
                }
            }
            return o;
        }
        if (t instanceof AsnType.SequenceOfType so) {
            ArrayNode a = F.arrayNode();
            for (Object e : (List<?>) v) {
                a.add(toJson(so.element(), e));
            }
            return a;
        }
        if (t instanceof AsnType.EnumeratedType et) {
            String n = ((AsnEnumerated) v).asn1Name();
            if (n == null) {
                ObjectNode o = F.objectNode();
                o.put("_unknownExtension", et.unknownIndex(v));
                return o;
            }
            return F.textNode(n);
        }
        if (t instanceof AsnType.IntegerType) {
            return F.numberNode((Long) v);
        }
        if (t instanceof AsnType.BooleanType) {
            return F.booleanNode((Boolean) v);
        }
        if (t instanceof AsnType.NullType) {
            return F.nullNode();
        }
        if (t instanceof AsnType.RealType) {
            double d = (Double) v;
            if (Double.isNaN(d)) {
                return F.textNode("NaN");
            }
            if (Double.isInfinite(d)) {
                return F.textNode(d > 0 ? "Infinity" : "-Infinity");
            }
            return F.numberNode(d);
        }
        if (t instanceof AsnType.OctetStringType) {
            OctetString s = (OctetString) v;
            JsonNode nested = e2smView(t.name(), s);
            return nested != null ? nested : F.textNode(s.toHex());
        }
        if (t instanceof AsnType.OpenType) {
            return F.textNode(((OctetString) v).toHex());
        }
        if (t instanceof AsnType.BitStringType) {
            BitString b = (BitString) v;
            ObjectNode o = F.objectNode();
            o.put("bits", b.size());
            o.put("hex", b.toHex());
            return o;
        }
        if (t instanceof AsnType.CharStringType) {
            return F.textNode((String) v);
        }
        if (t instanceof AsnType.ObjectIdentifierType) {
            StringBuilder sb = new StringBuilder();
            for (long arc : (long[]) v) {
                sb.append(sb.length() == 0 ? "" : ".").append(arc);
            }
            return F.textNode(sb.toString());
        }
        throw new IllegalArgumentException("no JSON view for " + t);
    }

    /** The decoded view of an E2SM payload, or null to show it as hex. */
    private JsonNode e2smView(String e2apType, OctetString s) {
        E2smRole role = e2sm == null ? null : E2smRole.ofE2apType(e2apType);
        if (role == null || s.length() == 0) {
            return null;
        }
        List<Asn1Set> tries = new ArrayList<>(List.of(e2sm));
        if (e2sm == Asn1Set.KPM2) {
            tries.add(Asn1Set.KPM3);
        } else if (e2sm == Asn1Set.KPM3) {
            tries.add(Asn1Set.KPM2);
        }
        byte[] bytes = s.toByteArray();
        for (Asn1Set set : tries) {
            String typeName = role.e2smType(set);
            if (typeName == null) {
                continue;
            }
            try {
                AsnType type = set.type(typeName);
                AperReader r = new AperReader(bytes);
                Object v = type.decode(r);
                if (r.remainingBits() >= 8) {
                    continue; // did not use the whole payload: wrong version
                }
                ObjectNode o = F.objectNode();
                o.put("$e2sm", set.name());
                o.put("type", typeName);
                o.set("value", toJson(type, v));
                return o;
            } catch (AperException e) {
                // try the next version, or fall back to hex
            }
        }
        if (bytes[0] == '{' || bytes[0] == '[') {
            try {
                JsonNode json = MAPPER.readTree(bytes);
                ObjectNode o = F.objectNode();
                o.set("$json", json);
                return o;
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    // ====================================================================== JSON -> value

    /** Thrown for JSON that does not describe a value of the type; says where. */
    public static final class JsonValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        JsonValueException(String path, String msg) {
            super((path.isEmpty() ? "" : path + ": ") + msg);
        }
    }

    public Object fromJson(AsnType t, JsonNode n) {
        return from(t, n, "");
    }

    private Object from(AsnType t, JsonNode n, String path) {
        if (t instanceof AsnType.SequenceType st) {
            if (!n.isObject()) {
                throw new JsonValueException(path, "expected an object for " + t);
            }
            List<AsnType.Component> comps = st.components();
            Object[] a = new Object[comps.size() + (st.extensible() ? 1 : 0)];
            for (int i = 0; i < comps.size(); i++) {
                AsnType.Component c = comps.get(i);
                JsonNode cn = n.get(c.name());
                if (cn == null || cn.isNull() && !(c.resolvedType() instanceof AsnType.NullType)) {
                    if (c.presence() == AsnType.Presence.MANDATORY && !c.isExtension()) {
                        throw new JsonValueException(path, "missing mandatory component " + c.name());
                    }
                    continue;
                }
                a[i] = from(c.resolvedType(), cn, path + "." + c.name());
            }
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("_unknownExtensions") && comps.stream().noneMatch(c -> c.name().equals(name))) {
                    throw new JsonValueException(path, "no component " + name + " in " + t);
                }
            }
            JsonNode ue = n.get("_unknownExtensions");
            if (ue != null && st.extensible()) {
                List<OctetString> adds = new ArrayList<>();
                for (JsonNode x : ue.path("additions")) {
                    adds.add(x.isNull() ? null : OctetString.fromHex(x.asText()));
                }
                a[comps.size()] = UnknownExtensions.of(ue.path("bitmapLength").asInt(), ue.path("knownCount").asInt(), adds);
            }
            try {
                return st.construct(a);
            } catch (NullPointerException | IllegalArgumentException e) {
                throw new JsonValueException(path, e.getMessage());
            }
        }
        if (t instanceof AsnType.ChoiceType ct) {
            if (!n.isObject() || n.size() != 1) {
                throw new JsonValueException(path, "expected an object with exactly one alternative of " + t);
            }
            String altName = n.fieldNames().next();
            JsonNode av = n.get(altName);
            if (altName.equals("_unknown")) {
                return ct.unknown(av.path("extensionIndex").asInt(), OctetString.fromHex(av.path("encoding").asText()));
            }
            AsnType.Alternative alt = ct.alternative(altName);
            if (alt == null) {
                throw new JsonValueException(path, "no alternative " + altName + " in " + t);
            }
            return alt.make().apply(from(alt.resolvedType(), av, path + "." + altName));
        }
        if (t instanceof AsnType.TableType tt) {
            if (!n.isObject()) {
                throw new JsonValueException(path, "expected an object for " + t);
            }
            AsnType.TableField keyField = tt.fields().get(tt.keyField());
            JsonNode kn = n.get(keyField.name());
            if (kn == null) {
                throw new JsonValueException(path, "missing " + keyField.name());
            }
            AsnType.TableRow row = kn.isNumber() ? tt.rowByKey(kn.asLong()) : tt.rowByName(kn.asText());
            long key;
            if (row != null) {
                key = row.key();
            } else if (kn.canConvertToLong()) {
                key = kn.asLong();
            } else {
                throw new JsonValueException(path, "unknown " + keyField.name() + " " + kn + " in " + tt.setName());
            }
            Object[] a = new Object[tt.fields().size()];
            for (int i = 0; i < a.length; i++) {
                AsnType.TableField f = tt.fields().get(i);
                JsonNode fn = n.get(f.name());
                String p = path + "." + f.name();
                switch (f.role()) {
                    case KEY -> a[i] = key;
                    case VALUE -> {
                        if (fn == null) {
                            if (row == null) {
                                throw new JsonValueException(path, "missing " + f.name());
                            }
                            a[i] = row.fixedValues().get(i);
                        } else {
                            a[i] = from(f.type().get(), fn, p);
                        }
                    }
                    case OPEN -> {
                        if (fn == null) {
                            throw new JsonValueException(path, "missing " + f.name());
                        }
                        a[i] = row == null ? OctetString.fromHex(fn.asText()) : from(row.openType(i), fn, p);
                    }
                }
            }
            try {
                return row == null ? tt.makeUnknown(a) : row.make().apply(a);
            } catch (NullPointerException | ClassCastException e) {
                throw new JsonValueException(path, e.getMessage());
            }
        }
        if (t instanceof AsnType.SequenceOfType so) {
            if (!n.isArray()) {
                throw new JsonValueException(path, "expected an array for " + t);
            }
            List<Object> l = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                l.add(from(so.element(), n.get(i), path + "[" + i + "]"));
            }
            return l;
        }
        if (t instanceof AsnType.EnumeratedType et) {
            if (n.isObject() && n.has("_unknownExtension")) {
                return et.unknown(n.get("_unknownExtension").asInt());
            }
            int i = et.names().indexOf(n.asText());
            if (i < 0 || !n.isTextual()) {
                throw new JsonValueException(path, n + " is not one of " + et.names());
            }
            return et.values().get(i);
        }
        if (t instanceof AsnType.IntegerType it) {
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.asLong();
            }
            if (n.isTextual()) {
                Long named = it.namedNumbers().get(n.asText());
                if (named != null) {
                    return named;
                }
                try {
                    return Long.parseLong(n.asText());
                } catch (NumberFormatException e) {
                    throw new JsonValueException(path, "not an integer: " + n);
                }
            }
            throw new JsonValueException(path, "not an integer: " + n);
        }
        if (t instanceof AsnType.BooleanType) {
            if (!n.isBoolean()) {
                throw new JsonValueException(path, "not a boolean: " + n);
            }
            return n.asBoolean();
        }
        if (t instanceof AsnType.NullType) {
            return AsnNull.INSTANCE;
        }
        if (t instanceof AsnType.RealType) {
            if (n.isNumber()) {
                return n.asDouble();
            }
            return switch (n.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new JsonValueException(path, "not a REAL: " + n);
            };
        }
        if (t instanceof AsnType.OctetStringType) {
            if (n.isObject()) {
                return OctetString.wrap(e2smBytes(n, path));
            }
            return hex(n, path);
        }
        if (t instanceof AsnType.OpenType) {
            return hex(n, path);
        }
        if (t instanceof AsnType.BitStringType) {
            if (n.isTextual()) {
                return BitString.fromBinary(n.asText());
            }
            return BitString.fromHex(n.path("hex").asText(), n.path("bits").asInt());
        }
        if (t instanceof AsnType.CharStringType) {
            if (!n.isTextual()) {
                throw new JsonValueException(path, "not a string: " + n);
            }
            return n.asText();
        }
        if (t instanceof AsnType.ObjectIdentifierType) {
            String[] parts = n.asText().split("\\.");
            long[] arcs = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                arcs[i] = Long.parseLong(parts[i]);
            }
            return arcs;
        }
        throw new JsonValueException(path, "no JSON mapping for " + t);
    }

    private static OctetString hex(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new JsonValueException(path, "expected hex text, got " + n);
        }
        try {
            return OctetString.fromHex(n.asText());
        } catch (IllegalArgumentException e) {
            throw new JsonValueException(path, "bad hex: " + e.getMessage());
        }
    }

    /** Encodes the nested E2SM form of an OCTET STRING. */
    private byte[] e2smBytes(JsonNode n, String path) {
        if (n.has("$json")) {
            try {
                return MAPPER.writeValueAsBytes(n.get("$json"));
            } catch (IOException e) {
                throw new JsonValueException(path, e.getMessage());
            }
        }
        if (!n.has("$e2sm") || !n.has("type") || !n.has("value")) {
            throw new JsonValueException(path, "an OCTET STRING is hex text, {\"$e2sm\": SET, \"type\": TYPE, \"value\": ...} or {\"$json\": ...}");
        }
        Asn1Set set = Asn1Set.of(n.get("$e2sm").asText());
        AsnType type = set.type(n.get("type").asText());
        Object v = from(type, n.get("value"), path + ".value");
        AperWriter w = new AperWriter();
        type.encode(w, v);
        return w.toCompleteEncoding();
    }

    /** Pretty JSON text. */
    public static String pretty(JsonNode n) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
