package io.oranric.agent.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.llm.LlmConfig;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.backbone.ops.HealthServer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * The agent's health, checked in the background (every 10 s) so that probes answer at once: Kafka
 * reachable, the policy store answering. An LLM is reported but never checked live: a probe must not
 * spend tokens, and the router falls back when the model is down.
 */
final class AgentHealth implements AutoCloseable {

    private final Admin admin;
    private final PolicyGateway gateway;
    private final LlmConfig llm;
    private volatile boolean kafkaUp = true;
    private volatile boolean storeUp = true;
    private volatile String storeProblem;

    AgentHealth(Admin admin, PolicyGateway gateway, LlmConfig llm) {
        this.admin = admin;
        this.gateway = gateway;
        this.llm = llm;
    }

    void refresh() {
        if (admin != null) {
            try {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                kafkaUp = true;
            } catch (Exception e) {
                kafkaUp = false;
            }
        }
        if (gateway != null) {
            try {
                gateway.list();
                storeUp = true;
                storeProblem = null;
            } catch (RuntimeException e) {
                storeUp = false;
                storeProblem = e.getMessage();
            }
        }
    }

    boolean up() {
        return kafkaUp && storeUp;
    }

    ObjectNode json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("status", up() ? "UP" : "DOWN");
        if (admin != null) {
            n.put("kafka", kafkaUp ? "UP" : "DOWN");
        }
        if (gateway != null) {
            n.put("policyStore", storeUp ? "UP" : "DOWN");
            if (storeProblem != null) {
                n.put("policyStoreProblem", storeProblem);
            }
        }
        n.put("llm", llm == null ? "none (offline)" : llm.translatorId() + " at " + llm.baseUrl());
        return n;
    }

    void register(HealthServer probes) {
        if (admin != null) {
            probes.check("kafka", () -> kafkaUp);
        }
        if (gateway != null) {
            probes.check("policyStore", () -> storeUp);
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
