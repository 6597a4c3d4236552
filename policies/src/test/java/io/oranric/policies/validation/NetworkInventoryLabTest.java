package io.oranric.policies.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NetworkInventoryLabTest {

    @Test
    void a_two_cell_lab_has_each_cell_as_the_other_ones_only_neighbour() {
        NetworkInventory inv = NetworkInventory.lab(2, ZoneOffset.UTC);
        assertThat(inv.cellNames()).containsExactly("cell-1", "cell-2");
        assertThat(inv.cellsOfNode("gnb-2")).containsExactly("cell-2");
    }
}
