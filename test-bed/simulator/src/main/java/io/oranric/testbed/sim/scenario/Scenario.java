package io.oranric.testbed.sim.scenario;

import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.model.NetworkSpec;

/**
 * A loaded scenario file.
 *
 * @param name        scenario name
 * @param description free text from the file
 * @param source      where it came from (file path or {@code classpath:scenarios/...})
 * @param spec        what the model runs
 */
public record Scenario(String name, String description, String source, NetworkSpec spec) {

    /** Builds a fresh network from this scenario. */
    public Network newNetwork() {
        return Network.create(spec);
    }
}
