package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.e2.protocol.Plmn;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InventoryFileTest {

  @Test
  void the_example_inventory_names_cells_and_nodes_by_cgi_and_global_id() {
    InventoryFile f = InventoryFile.read(Path.of("../test-bed/configs/inventory.example.json"));
    assertThat(f.naming().cell(new Plmn("001", "01"), 0x4001).displayName()).isEqualTo("cell-1");
    assertThat(f.naming().cell(new Plmn("001", "01"), 0x9999).displayName()).isEqualTo("nrcgi-00101-000009999");
    assertThat(f.naming().nodeName("gnb-00101-000002")).isEqualTo("gnb-2");
    assertThat(f.naming().cgiOf("cell-2")).contains("00101-000008001");
    assertThat(f.inventory().cellNames()).containsExactly("cell-1", "cell-2");
    assertThat(f.inventory().coverageAreas()).containsKey("area-1-2");
  }

  @Test
  void a_bad_cgi_names_the_cell_and_the_expected_form() throws Exception {
    var json = new ObjectMapper().readTree("{\"nodes\":[\"gnb-1\"],\"cells\":[{\"name\":\"cell-1\",\"node\":\"gnb-1\",\"nrCgi\":\"4001\"}]}");
    assertThatThrownBy(() -> InventoryFile.parse(json)).hasMessageContaining("cells[cell-1].nrCgi").hasMessageContaining("00101-000004001");
  }

  @Test
  void a_cell_on_an_unknown_node_is_refused() throws Exception {
    var json = new ObjectMapper().readTree("{\"nodes\":[\"gnb-1\"],\"cells\":[{\"name\":\"cell-1\",\"node\":\"gnb-9\"}]}");
    assertThatThrownBy(() -> InventoryFile.parse(json)).hasMessageContaining("unknown node gnb-9");
  }
}
