package io.oranric.agent.intent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.contract.v1.Expectation;
import io.oranric.contract.v1.Fulfilment;
import java.time.Instant;

/** An intent report (TS 28.312 in spirit) as JSON: status, per-expectation measurements, the proposal. */
public final class FulfilmentJson {

    private static final ObjectMapper M = new ObjectMapper();

    private FulfilmentJson() {
    }

    public static ObjectNode of(Fulfilment f) {
        ObjectNode n = M.createObjectNode();
        n.put("status", f.getStatus().name().replace("STATUS_", ""));
        n.put("evaluatedAt", Instant.ofEpochSecond(0, f.getEvaluatedNs()).toString());
        ArrayNode es = n.putArray("expectations");
        for (Expectation e : f.getExpectationsList()) {
            es.addObject().put("kpi", e.getKpi()).put("scope", e.getScope()).put("target", e.getTarget())
                    .put("measured", Double.isNaN(e.getMeasured()) ? null : round(e.getMeasured())).put("met", e.getMet());
        }
        if (!f.getProposalJson().isEmpty()) {
            try {
                n.set("proposal", M.readTree(f.getProposalJson()));
            } catch (Exception e) {
                n.put("proposal", f.getProposalJson());
            }
        }
        return n;
    }

    private static Double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
