package io.oranric.testbed.sim.model;

import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Scenarios the tests share. */
final class TestScenarios {

    private TestScenarios() {
    }

    /** The lab topology, every cell loaded by static full-buffer eMBB plus urllc and miot. */
    static Scenario loaded7() {
        return fromResource("scenarios/loaded-7.yaml");
    }

    static Scenario fromResource(String resource) {
        try (InputStream in = TestScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The same scenario text with one line replaced, for variants. */
    static Scenario variant(String resource, String find, String replace) {
        try (InputStream in = TestScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains(find)) {
                throw new IllegalArgumentException("'" + find + "' not in " + resource);
            }
            return ScenarioLoader.parse(text.replace(find, replace), resource + " (variant)");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
