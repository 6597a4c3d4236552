package io.oranric.agent.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.TxPower;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The what-if tool on the lab radio model: controls applied, figures compared, cells outside the model named. */
class WhatIfTest {

    static JsonNode cell(ObjectNode report, String name) {
        for (JsonNode c : report.path("cells")) {
            if (c.path("cell").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    @Test
    void power_down_and_sleep_show_in_the_prediction() {
        ObjectNode r = WhatIf.lab().run(List.of(
                Policy.draft(TxPower.delta(-6), Scope.cells("cell-1")).withIds("p-tx", null),
                Policy.draft(new EnergySaving(EnergySaving.Mode.SLEEP, 100.0), Scope.cells("cell-4", "cell-9")).withIds("p-es", null)),
                Duration.ofSeconds(10));
        assertThat(r.path("horizonSeconds").asInt()).isEqualTo(10);
        JsonNode c1 = cell(r, "cell-1");
        assertThat(c1.at("/withPolicies/txPowerDbm").asDouble()).isEqualTo(c1.at("/baseline/txPowerDbm").asDouble() - 6);
        JsonNode c4 = cell(r, "cell-4");
        assertThat(c4.at("/withPolicies/mode").asText()).isEqualTo("SLEEPING");
        assertThat(c4.at("/withPolicies/powerW").asDouble()).isLessThan(c4.at("/baseline/powerW").asDouble());
        assertThat(r.at("/network/powerWWithPolicies").asDouble()).isLessThan(r.at("/network/powerWBaseline").asDouble());
        assertThat(r.path("notes").toString()).contains("cell-9 is not in the lab model");
        assertThat(r.path("controls")).allSatisfy(c -> assertThat(c.path("accepted").asBoolean()).isTrue());
    }
}
