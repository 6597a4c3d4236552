package io.oranric.e2.sm.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.UnknownExtensions;
import io.oranric.e2.aper.meta.AsnEnumerated;
import io.oranric.e2.aper.meta.AsnNull;
import io.oranric.e2.aper.meta.AsnType;
import java.io.IOException;

/**
 * A readable JSON view of decoded E2SM values (the generated records): CHOICE values show the name of
 * their alternative, OCTET STRINGs show as text when printable and as hex otherwise, BIT STRINGs as
 * {@code hex/size}, ENUMERATED values by name. For logs, {@code definitionJson} and
 * {@code header_json}/{@code message_json}; never parsed back.
 */
public final class AsnJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new SimpleModule("asn")
          .addSerializer(OctetString.class, new JsonSerializer<>() {
            @Override
            public void serialize(OctetString v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeString(printable(v) ? v.toUtf8() : v.toHex());
            }
          })
          .addSerializer(BitString.class, new JsonSerializer<>() {
            @Override
            public void serialize(BitString v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeString(v.toHex() + "/" + v.size());
            }
          })
          .addSerializer(UnknownExtensions.class, new JsonSerializer<>() {
            @Override
            public void serialize(UnknownExtensions v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeNumber(v.additions().size());
            }
          })
          .addSerializer(AsnNull.class, new JsonSerializer<>() {
            @Override
            public void serialize(AsnNull v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeString("NULL");
            }
          })
          .addSerializer(AsnEnumerated.class, new JsonSerializer<>() {
            @Override
            public void serialize(AsnEnumerated v, JsonGenerator g, SerializerProvider p) throws IOException {
              String n = v.asn1Name();
              g.writeString(n == null ? "unknown-extension-value" : n);
            }
          })
          .addSerializer(AsnType.ChoiceValue.class, new JsonSerializer<>() {
            @Override
            public void serialize(AsnType.ChoiceValue v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeStartObject();
              if (v instanceof AsnType.UnknownAlternative u) {
                g.writeStringField("unknownAlternative", u.extensionIndex() + ":" + u.encoding().toHex());
              } else {
                g.writeFieldName(lowerFirst(v.getClass().getSimpleName()));
                p.defaultSerializeValue(v.choiceValue(), g);
              }
              g.writeEndObject();
            }
          }));

  private AsnJson() {}

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      return "{\"error\":\"" + e.getClass().getSimpleName() + "\"}";
    }
  }

  private static boolean printable(OctetString v) {
    if (v.length() < 2) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      int c = v.byteAt(i) & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
