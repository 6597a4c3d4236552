package io.oranric.e2.codec.ccc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.e2.codec.ccc.json.CccJson.CesManagementFunction;
import io.oranric.e2.codec.ccc.json.CccJson.ConfigurationChange;
import io.oranric.e2.codec.ccc.json.CccJson.ControlMessage;
import io.oranric.e2.codec.ccc.json.CccJson.NrSectorCarrier;
import io.oranric.e2.codec.ccc.json.CccJson.RrmPolicyRatio;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CccJsonTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void sectorCarrierPowerChangeWritesTheCccJsonShape() throws Exception {
        byte[] bytes = CccJson.encode(ControlMessage.nodeLevel(new ConfigurationChange(new NrSectorCarrier(30, 640000, 20))));
        JsonNode n = M.readTree(bytes);
        JsonNode s = n.at("/controlMessageFormat/listOfConfigurationStructures/0");
        assertThat(s.get("ranConfigurationStructureName").asText()).isEqualTo("O-NRSectorCarrier");
        assertThat(s.at("/newValuesOfAttributes/ranConfigurationStructure/configuredMaxTxPower").asInt()).isEqualTo(30);
        assertThat(s.at("/newValuesOfAttributes/ranConfigurationStructure/arfcnDL").asInt()).isEqualTo(640000);
        assertThat(s.at("/newValuesOfAttributes/ranConfigurationStructure/bSChannelBwDL").asInt()).isEqualTo(20);
        assertThat(s.has("oldValuesOfAttributes")).isFalse();
        assertThat(CccJson.decodeControlMessage(bytes)).isEqualTo(ControlMessage.nodeLevel(
                new ConfigurationChange(new NrSectorCarrier(30, 640000, 20))));
    }

    @Test
    void rrmPolicyRatioWithSlicesRoundTrips() {
        RrmPolicyRatio p = new RrmPolicyRatio("prbDl", List.of(new CccJson.RrmPolicyMember(new CccJson.PlmnId("001", "01"),
                new CccJson.Snssai(1, "000001"))), 80, 20, 10, Map.of());
        ControlMessage m = ControlMessage.nodeLevel(new ConfigurationChange(p));
        assertThat(CccJson.decodeControlMessage(CccJson.encode(m))).isEqualTo(m);
        assertThatThrownBy(() -> new RrmPolicyRatio("prbDl", null, 120, null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesAsn1StyleFormatNamesAndKeepsUnknownAttributes() {
        String text = "{\"controlMessageFormat\":{\"e2SM-CCC-ControlMessageFormat1\":{\"listOfConfigurationStructures\":[{"
                + "\"ranConfigurationStructureName\":\"O-CESManagementFunction\","
                + "\"oldValuesOfAttributes\":{\"ranConfigurationStructure\":{\"energySavingState\":\"isNotEnergySaving\"}},"
                + "\"newValuesOfAttributes\":{\"ranConfigurationStructure\":{\"cesSwitch\":true,"
                + "\"energySavingControl\":\"toBeEnergySaving\",\"vendorKnob\":{\"a\":[1,2]}}}}]}}}";
        ControlMessage m = CccJson.decodeControlMessage(text.getBytes(StandardCharsets.UTF_8));
        ConfigurationChange c = m.nodeLevel().get(0);
        CesManagementFunction now = (CesManagementFunction) c.newValues();
        assertThat(now.cesSwitch()).isTrue();
        assertThat(now.energySavingControl()).isEqualTo(CesManagementFunction.TO_BE_ENERGY_SAVING);
        assertThat(now.extra()).containsKey("vendorKnob");
        assertThat(((CesManagementFunction) c.oldValues()).energySavingState()).isEqualTo(CesManagementFunction.IS_NOT_ENERGY_SAVING);
        // written back in the direct form, unknown attribute kept
        ControlMessage again = CccJson.decodeControlMessage(CccJson.encode(m));
        assertThat(again).isEqualTo(m);
    }

    @Test
    void outcomeHeaderAndIndicationRoundTrip() {
        CccJson.ControlOutcome o = new CccJson.ControlOutcome("2026-01-01T00:00:00Z",
                List.of(new CccJson.Accepted("O-BWP", null, new CccJson.Bwp("dl", "initial", 30, "normal", 0, 106, Map.of()), null)),
                List.of(new CccJson.Failed("O-NRSectorCarrier", null, new NrSectorCarrier(99, null, null), "notSupported")));
        assertThat(CccJson.decodeControlOutcome(CccJson.encode(o))).isEqualTo(o);
        assertThat(CccJson.decodeControlHeader(CccJson.encode(new CccJson.ControlHeader(1)))).isEqualTo(new CccJson.ControlHeader(1));
        CccJson.IndicationMessage ind = new CccJson.IndicationMessage(List.of(new CccJson.ReportedStructure("modification",
                "O-NRSectorCarrier", new NrSectorCarrier(20, 630000, 40), null)));
        assertThat(CccJson.decodeIndicationMessage(CccJson.encode(ind))).isEqualTo(ind);
    }

    @Test
    void notJsonIsATypedError() {
        assertThatThrownBy(() -> CccJson.decodeControlMessage(new byte[] {0x08, 0x00})).isInstanceOf(CccJson.CccJsonException.class);
        assertThatThrownBy(() -> CccJson.decodeControlMessage("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CccJson.CccJsonException.class).hasMessageContaining("controlMessageFormat");
    }
}
