package io.oranric.agent.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.local.LocalTranslator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationJsonTest {

    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneId.of("UTC")));

    private static JsonNode render(String text) throws Exception {
        Translation t = LocalTranslator.grammarOnly().translate(text, CTX);
        return new ObjectMapper().readTree(TranslationJson.write(t, false));
    }

    @Test
    void the_contract_fields_come_first_in_order() throws Exception {
        JsonNode n = render("guarantee at least 20 percent of the radio resources of cell 3 for urllc");
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("intentId", "text", "translator", "confidence", "policies", "rejected", "clarification");
        assertThat(n.get("translator").asText()).isEqualTo("local");
        assertThat(n.get("text").asText()).isEqualTo("guarantee at least 20 percent of the radio resources of cell 3 for urllc");
        assertThat(n.get("clarification").isNull()).isTrue();
        assertThat(n.get("confidence").isNumber()).isTrue();
        JsonNode p = n.get("policies").get(0);
        assertThat(p.get("type").asText()).isEqualTo("PrbQuota");
        assertThat(p.get("scope").toString()).isEqualTo("{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"}");
        assertThat(p.get("statement").toString()).isEqualTo("{\"minPrbPct\":20}");
    }

    @Test
    void rejected_entries_carry_policy_and_reason() throws Exception {
        JsonNode r = render("set bandwidth of cell 2 to 33 MHz").get("rejected").get(0);
        assertThat(r.get("policy").get("statement").get("bandwidthMHz").asInt()).isEqualTo(33);
        assertThat(r.get("reason").asText()).contains("bandwidthMHz").contains("33");
    }

    @Test
    void a_clarification_is_a_string_with_empty_lists() throws Exception {
        JsonNode n = render("what's the weather like tomorrow");
        assertThat(n.get("clarification").isTextual()).isTrue();
        assertThat(n.get("policies").isEmpty()).isTrue();
        assertThat(n.get("rejected").isEmpty()).isTrue();
    }
}
