package io.oranric.agent.local;

import io.oranric.policies.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/** The clarification questions, phrased with what was understood so the operator only adds what is missing. */
final class Questions {

    private Questions() {
    }

    static String generic(Clause c) {
        String where = where(c);
        return "I could not turn this into a policy" + (where.isEmpty() ? "" : " for " + where)
                + ". What should change: a slice's PRB share (%), a slice SLA (throughput in Mbps, latency in ms, "
                + "packet loss in %), transmit power (dBm, or a change in dB), channel bandwidth (MHz), energy saving "
                + "(sleep or reduced power below a load %), or traffic steering (prefer, avoid or forbid a cell)?";
    }

    static String notAnIntent() {
        return "That reads as a question, not as an intent for the radio network. What should the network do: for "
                + "example \"guarantee 20 % of the PRBs of cell 3 for urllc\" or \"put cells with load below 10 % to sleep at night\"?";
    }

    static String vague() {
        return "That names nothing the network can enforce. What should change, and where: for example "
                + "\"keep urllc latency under 5 ms in cell 3\", \"cap embb at 60 % of the PRBs of cell 2\" or "
                + "\"lower the transmit power of cell 4 by 2 dB\"?";
    }

    static String missingValue(PolicyType type, Clause c) {
        String where = where(c);
        String forWhere = where.isEmpty() ? "" : " for " + where;
        return switch (type) {
            case TX_POWER -> "What transmit power" + forWhere
                    + ": a maximum in dBm (10 to 46), or a change in dB (at most 6 dB up or down)?";
            case SPECTRUM -> "Which channel bandwidth" + forWhere
                    + " (5, 10, 15, 20, 25, 30, 40, 50, 60, 80 or 100 MHz)?";
            case PRB_QUOTA -> "What share of the PRBs" + forWhere
                    + ": a guaranteed minimum, a maximum or a dedicated share, in percent?";
            case SLICE_SLA -> "Which target" + forWhere
                    + ": guaranteed downlink or uplink throughput (Mbps), maximum downlink latency (ms) or maximum packet loss (%)?";
            case ENERGY_SAVING -> "Which cells should save energy, by sleeping or by reducing power, and below which load?";
            case TRAFFIC_STEERING -> "Which cell should traffic" + forWhere + " be steered to, or kept away from?";
        };
    }

    static String missingSlice(PolicyType type, List<String> cells) {
        return (type == PolicyType.PRB_QUOTA ? "Which slice is the PRB share for" : "Which slice is this target for")
                + (cells.isEmpty() ? "" : " in " + String.join(", ", cells)) + ": embb, urllc or miot?";
    }

    private static String where(Clause c) {
        List<String> parts = new ArrayList<>();
        for (Mentions.Slice s : c.slices()) {
            if (!parts.contains(s.slice())) {
                parts.add(s.slice());
            }
        }
        for (Mentions.Cells m : c.cells()) {
            parts.addAll(m.cells());
        }
        return String.join(", ", parts);
    }
}
