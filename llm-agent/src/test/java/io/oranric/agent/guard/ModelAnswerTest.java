package io.oranric.agent.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.policies.model.PrbQuota;
import org.junit.jupiter.api.Test;

class ModelAnswerTest {

    @Test
    void reads_policies_inside_a_markdown_fence() {
        ModelAnswer.Parsed p = ModelAnswer.parse("```json\n{\"policies\":[{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-3\"],"
                + "\"slice\":\"urllc\"},\"statement\":{\"minPrbPct\":20}}],\"clarification\":null}\n```");
        assertThat(p.proposals()).hasSize(1);
        assertThat(((PrbQuota) p.proposals().get(0).statement()).minPrbPct()).isEqualTo(20.0);
        assertThat(p.unreadable()).isEmpty();
    }

    @Test
    void malformed_json_is_unreadable_with_the_position() {
        assertThatThrownBy(() -> ModelAnswer.parse("{\"policies\": [{\"type\": \"TxPower\", \"statement\": {\"deltaDb\": -3,}}]"))
                .isInstanceOf(ModelAnswer.Unreadable.class).hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> ModelAnswer.parse("Sure! I will lower the power of cell 2."))
                .isInstanceOf(ModelAnswer.Unreadable.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ModelAnswer.parse("[{\"type\":\"TxPower\"}]"))
                .isInstanceOf(ModelAnswer.Unreadable.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> ModelAnswer.parse("{\"policies\": {\"type\": \"TxPower\"}}"))
                .isInstanceOf(ModelAnswer.Unreadable.class).hasMessageContaining("\"policies\" must be an array");
        assertThatThrownBy(() -> ModelAnswer.parse("{}")).isInstanceOf(ModelAnswer.Unreadable.class)
                .hasMessageContaining("neither policies nor a clarification");
    }

    @Test
    void a_wrong_type_rejects_that_proposal_and_names_the_field() {
        ModelAnswer.Parsed p = ModelAnswer.parse("{\"policies\":["
                + "{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},\"statement\":{\"minPrbPct\":\"twenty\"}},"
                + "{\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-2\"]},\"statement\":{\"deltaDb\":-3}},"
                + "{\"type\":\"TxPower\",\"scope\":{\"cells\":\"cell-2\"},\"statement\":{\"deltaDb\":-3}},"
                + "{\"type\":\"Teleport\",\"statement\":{}},"
                + "{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3,\"sudo\":true}},"
                + "\"lower the power\"]}");
        assertThat(p.proposals()).hasSize(1);
        assertThat(p.unreadable()).extracting(r -> r.reason()).satisfiesExactly(
                r -> assertThat(r).contains("statement.minPrbPct").contains("number"),
                r -> assertThat(r).contains("scope.cells"),
                r -> assertThat(r).contains("unknown policy type \"Teleport\""),
                r -> assertThat(r).contains("statement.sudo").contains("unknown field"),
                r -> assertThat(r).contains("proposal 6 is not a policy object"));
        assertThat(p.unreadable().get(0).raw().at("/statement/minPrbPct").asText()).isEqualTo("twenty");
    }

    @Test
    void ids_status_and_version_are_not_the_models_to_set() {
        ModelAnswer.Parsed p = ModelAnswer.parse("{\"policies\":[{\"policyId\":\"p-admin\",\"status\":\"ACTIVE\",\"version\":7,"
                + "\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-2\"]},\"statement\":{\"deltaDb\":-3}}],\"mood\":\"great\"}");
        assertThat(p.proposals().get(0).policyId()).isNull();
        assertThat(p.proposals().get(0).status().name()).isEqualTo("PROPOSED");
        assertThat(p.proposals().get(0).version()).isEqualTo(1);
        assertThat(p.findings()).anySatisfy(f -> assertThat(f).contains("\"status\": \"ACTIVE\""))
                .anySatisfy(f -> assertThat(f).contains("\"policyId\"")).anySatisfy(f -> assertThat(f).contains("\"mood\""));
    }

    @Test
    void a_question_is_a_clarification() {
        ModelAnswer.Parsed p = ModelAnswer.parse("{\"policies\":[],\"clarification\":\"Which cell do you mean?\"}");
        assertThat(p.clarification()).isEqualTo("Which cell do you mean?");
        assertThat(p.proposals()).isEmpty();
    }
}
