package io.oranric.testbed.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.CellSpec;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.model.NodeInfo;
import io.oranric.testbed.sim.model.NrBand;
import io.oranric.testbed.sim.model.Snssai;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {

    private static final String MINIMAL = """
            name: minimal
            topology:
              layout: hex
              rings: 0
            slices:
              embb:
                ues: 3
            """;

    static List<String> builtIns() {
        return ScenarioLoader.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void every_built_in_scenario_loads_and_runs_a_second(String name) {
        Scenario sc = ScenarioLoader.builtIn(name);
        assertThat(sc.name()).isEqualTo(name);
        assertThat(sc.source()).isEqualTo("classpath:scenarios/" + name + ".yaml");
        Network net = sc.newNetwork();
        net.step(java.time.Duration.ofSeconds(1));
        assertThat(net.ueCount()).isPositive();
    }

    @Test
    void the_lab_default_is_seven_gnbs_with_one_cell_each() {
        Scenario sc = ScenarioLoader.builtIn("lab-default");
        Network net = sc.newNetwork();
        assertThat(net.cells()).extracting(CellInfo::id)
                .containsExactly("cell-1", "cell-2", "cell-3", "cell-4", "cell-5", "cell-6", "cell-7");
        for (int k = 1; k <= 7; k++) {
            NodeInfo n = net.node("gnb-" + k);
            assertThat(n.cellIds()).containsExactly("cell-" + k);
            assertThat(n.gnbId()).isEqualTo(k);
            CellInfo c = net.cell("cell-" + k);
            assertThat(c.nci()).isEqualTo(((long) k << 14) | 1);
            assertThat(c.pci()).isEqualTo(k - 1);
            assertThat(c.band()).isEqualTo(NrBand.N78);
            assertThat(c.carrierPrbs()).isEqualTo(106);
            assertThat(c.nrCgi()).startsWith("00101");
        }
        assertThat(net.snssai("embb")).isEqualTo(Snssai.of(1));
        assertThat(net.snssai("urllc")).isEqualTo(Snssai.of(2));
        assertThat(net.snssai("miot")).isEqualTo(Snssai.of(3));
        // hexagonal: the six ring sites are one inter-site distance from the centre
        for (CellSpec c : sc.spec().cells().subList(1, 7)) {
            assertThat(Math.hypot(c.x(), c.y())).isCloseTo(500, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void a_minimal_file_gets_documented_defaults() {
        Scenario sc = ScenarioLoader.parse(MINIMAL, "minimal.yaml");
        assertThat(sc.spec().tickMs()).isEqualTo(10);
        assertThat(sc.spec().cells()).hasSize(1);
        assertThat(sc.spec().cells().get(0).bandwidthMHz()).isEqualTo(40);
        assertThat(sc.spec().slices().get(0).snssai()).isEqualTo(Snssai.of(1));
    }

    @Test
    void json_scenarios_load_too(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, """
                {"name": "tiny", "seed": 3,
                 "topology": {"layout": "hex", "rings": 1, "sectorsPerSite": 3},
                 "slices": {"urllc": {"uesPerCell": 2, "traffic": {"dl": {"model": "poisson",
                   "packetBytes": 100, "packetsPerS": 10}}}}}
                """);
        Scenario sc = ScenarioLoader.load(f);
        assertThat(sc.spec().cells()).hasSize(21);
        assertThat(sc.spec().gnbs()).hasSize(7);
        assertThat(sc.spec().cells().get(4).azimuthDeg()).isEqualTo(150.0);
        assertThat(sc.spec().slices().get(0).ueCount()).isEqualTo(42);
    }

    private static ScenarioException error(String yaml) {
        return catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "bad.yaml"));
    }

    @Test
    void syntax_errors_name_line_and_column() {
        ScenarioException ex = error("""
                name: x
                topology:
                  layout: hex
                   rings: 1
                slices: {}
                """);
        assertThat(ex).isNotNull();
        assertThat(ex.line()).isEqualTo(4);
        assertThat(ex.getMessage()).startsWith("bad.yaml:4:").contains("YAML syntax");
    }

    @Test
    void a_mistyped_field_is_an_error_with_a_suggestion() {
        ScenarioException ex = error(MINIMAL.replace("  rings: 0", "  rings: 0\n  cellDefaults: {txPowrDbm: 40}"));
        assertThat(ex.field()).isEqualTo("topology.cellDefaults.txPowrDbm");
        assertThat(ex.line()).isEqualTo(5);
        assertThat(ex.problem()).contains("unknown field 'txPowrDbm'").contains("did you mean 'txPowerDbm'");
    }

    @Test
    void a_wrong_type_names_the_field() {
        ScenarioException ex = error(MINIMAL.replace("ues: 3", "ues: three"));
        assertThat(ex.field()).isEqualTo("slices.embb.ues");
        assertThat(ex.line()).isEqualTo(7);
        assertThat(ex.problem()).contains("expected an integer").contains("three");
    }

    @Test
    void missing_required_fields_are_named() {
        ScenarioException ex = error("topology: {layout: hex}\nslices: {embb: {ues: 1}}\n");
        assertThat(ex.problem()).contains("missing required field 'name'");
        ScenarioException noUes = error(MINIMAL.replace("    ues: 3", "    ueLayersDl: 2"));
        assertThat(noUes.field()).isEqualTo("slices.embb");
        assertThat(noUes.problem()).contains("'ues'");
    }

    @Test
    void a_bandwidth_the_band_does_not_have_points_at_the_cell() {
        ScenarioException ex = error(MINIMAL.replace("  rings: 0", "  rings: 0\n  cellDefaults:\n    bandwidthMHz: 33"));
        assertThat(ex.line()).isEqualTo(6);
        assertThat(ex.field()).isEqualTo("topology.cellDefaults.bandwidthMHz");
        assertThat(ex.problem()).contains("33 MHz").contains("n78").contains("allowed: 10, 15");
    }

    @Test
    void impossible_quotas_and_unknown_models_are_refused() {
        ScenarioException q = error(MINIMAL + "    quota: {minPct: 50, maxPct: 40}\n");
        assertThat(q.field()).isEqualTo("slices.embb.quota");
        assertThat(q.problem()).contains("exceeds maxPrbPct");
        ScenarioException sum = error(MINIMAL + "    quota: {minPct: 60}\n  urllc:\n    ues: 1\n    quota: {minPct: 50}\n");
        assertThat(sum.problem()).contains("sum to 110");
        ScenarioException model = error(MINIMAL + "    traffic: {dl: {model: video}}\n");
        assertThat(model.field()).isEqualTo("slices.embb.traffic.dl.model");
        assertThat(model.problem()).contains("video");
    }

    @Test
    void duplicate_keys_and_overrides_of_missing_cells_are_refused() {
        ScenarioException dup = error(MINIMAL + "  embb:\n    ues: 2\n");
        assertThat(dup.problem()).contains("duplicate");
        ScenarioException ov = error(MINIMAL.replace("  rings: 0", "  rings: 0\n  overrides:\n    cell-9: {ueWeight: 2}"));
        assertThat(ov.field()).isEqualTo("topology.overrides.cell-9");
        assertThat(ov.problem()).contains("unknown cell 'cell-9'");
    }

    @Test
    void an_unknown_built_in_lists_the_known_ones() {
        ScenarioException ex = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.builtIn("nope"));
        assertThat(ex.getMessage()).contains("lab-default");
    }
}
