package io.oranric.testbed.lab;

import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.sm.kpm.KpmVersion;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the lab runs.
 *
 * @param scenario a built-in scenario name ("lab-default") or a scenario file
 * @param duration run this long, then print the summary and stop; null runs until stopped
 * @param externalGnbs wait for real gNBs instead of simulating them
 * @param kafka "embedded" or bootstrap servers
 * @param e2Port E2 port (TCP and UDP); 0 picks a free port
 * @param gnbTransport how the simulated gNBs connect
 * @param policyPort port of the A1-style policy REST interface; 0 picks a free one
 * @param speedup model seconds per wall second
 * @param agentPort port of the intent agent's HTTP API (REST, MCP); 0 picks a free one
 */
public record LabOptions(String scenario, Path scenarioFile, Duration duration, boolean externalGnbs, String kafka, String host,
    int e2Port, LinkKind gnbTransport, E2apVersion e2ap, KpmVersion kpm, int policyPort, int metricsPort, double speedup,
    boolean autoApprove, boolean directStream, int agentPort) {

  public static LabOptions defaults() {
    return new LabOptions("lab-default", null, null, false, "embedded", "127.0.0.1", 36421, LinkKind.TCP, E2apVersion.V3_01,
        KpmVersion.KPM3, 8081, 8080, 1.0, true, false, 8082);
  }

  public LabOptions withDuration(Duration d) {
    return new LabOptions(scenario, scenarioFile, d, externalGnbs, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  /** E2, policy REST, termination metrics and agent ports; 0 picks a free one. */
  public LabOptions withPorts(int e2, int policy, int metrics, int agent) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2, gnbTransport, e2ap, kpm, policy,
        metrics, speedup, autoApprove, directStream, agent);
  }

  public LabOptions withPorts(int e2, int policy, int metrics) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2, gnbTransport, e2ap, kpm, policy,
        metrics, speedup, autoApprove, directStream, agentPort);
  }

  public LabOptions withScenario(String name, Path file) {
    return new LabOptions(name, file, duration, externalGnbs, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  public LabOptions withExternalGnbs(boolean external) {
    return new LabOptions(scenario, scenarioFile, duration, external, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  public LabOptions withKafka(String k) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, k, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  public LabOptions withGnbs(LinkKind transport, E2apVersion e2apVersion, KpmVersion kpmVersion) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2Port, transport, e2apVersion, kpmVersion,
        policyPort, metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  /** xApps on the termination's in-process stream instead of Kafka (Kafka still records everything). */
  public LabOptions withDirectStream(boolean direct) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, direct, agentPort);
  }

  public LabOptions withAutoApprove(boolean auto) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, auto, directStream, agentPort);
  }

  public LabOptions withHost(String h) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, h, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, speedup, autoApprove, directStream, agentPort);
  }

  public LabOptions withSpeedup(double s) {
    return new LabOptions(scenario, scenarioFile, duration, externalGnbs, kafka, host, e2Port, gnbTransport, e2ap, kpm, policyPort,
        metricsPort, s, autoApprove, directStream, agentPort);
  }
}
