package io.oranric.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.api.NetworkContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

    private static List<String> clauses(String s) {
        return ClauseSplitter.split(Extraction.of(s, NetworkContext.lab())).stream().map(Clause::text).toList();
    }

    @Test
    void and_before_a_new_verb_or_quantity_splits() {
        assertThat(clauses("give urllc 30% dedicated PRBs on cell 2 and cap embb at 60% there")).hasSize(2);
        assertThat(clauses("embb must get 50 Mbps down and 10 Mbps up in cell 1")).hasSize(2);
        assertThat(clauses("lower cell 2 power by 2 dB; set its bandwidth to 40 MHz")).hasSize(2);
    }

    @Test
    void and_inside_entities_or_before_a_condition_does_not() {
        assertThat(clauses("save energy at night between 23:00 and 06:00 by reducing power where load is under 10 percent")).hasSize(1);
        assertThat(clauses("please drop the tx power on cells 1, 2 and 3 by 2 dB")).hasSize(1);
        assertThat(clauses("give urllc and miot 20% each on cell 1")).hasSize(1);
    }

    @Test
    void fragments_without_a_predicate_join_a_neighbour() {
        assertThat(clauses("tonight, cap embb at 50% of PRBs in cell 2")).containsExactly("tonight , cap embb at 50 % of prbs in cell 2");
        assertThat(clauses("in cell 3, keep urllc latency below 10 ms and give urllc at least 20% of the PRBs"))
                .containsExactly("in cell 3 , keep urllc latency below 10 ms", "give urllc at least 20 % of the prbs");
    }

    @Test
    void verbless_continuations_with_their_own_subject_and_value_are_clauses() {
        assertThat(clauses("Cell 3: urllc min 20%, embb max 60%")).hasSize(2);
        assertThat(clauses("steer miot to cell 4 and embb away from cell 4")).hasSize(2);
        assertThat(clauses("cap embb at 60% and urllc at 40% in cell 2")).hasSize(2);
        assertThat(clauses("on cell 5 reduce power by 2 dB, on cell 6 increase it by 1 dB")).hasSize(2);
    }

    @Test
    void a_leading_condition_keeps_its_comma() {
        assertThat(clauses("when load drops below 12%, send cells to sleep")).hasSize(1);
        assertThat(clauses("reduce power on lightly loaded cells, below 20 percent load, to save energy")).hasSize(1);
        assertThat(clauses("by 3 dB, reduce cell 2's transmit power")).hasSize(1);
    }
}
