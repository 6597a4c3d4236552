package io.oranric.agent.service;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translator;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.assurance.IntentAssurance;
import io.oranric.agent.audit.AuditSink;
import io.oranric.agent.audit.ControlAuditJoin;
import io.oranric.agent.audit.KafkaAuditSink;
import io.oranric.agent.experience.ExperiencePrior;
import io.oranric.agent.experience.ExperienceStore;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.intent.IntentJournal;
import io.oranric.agent.intent.KafkaIntentJournal;
import io.oranric.agent.kpi.HttpKpis;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.StreamKpis;
import io.oranric.agent.llm.LlmTranslator;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.agent.mcp.McpServer;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.agent.tools.AgentTools;
import io.oranric.agent.whatif.WhatIf;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.ops.HealthServer;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.SafetyEnvelope;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent agent as a service: the pipeline ({@link IntentAgent}), intent assurance, experience,
 * the audit join of control actions, the tools, MCP, and the HTTP API ({@link AgentHttp}). What
 * {@code ./ric agent serve} runs, and what the lab starts in its own process:
 *
 * <pre>
 * AgentService agent = AgentService.start(AgentConfig.lab(), backbone.settings(),
 *         new StorePolicyGateway(store), new QueryKpis(xapps.kpm(), Duration.ofSeconds(30)), vertx);
 * agent.url();   // http://0.0.0.0:8082: POST /intents, /mcp, /health, /metrics
 * agent.close();
 * </pre>
 *
 * Without Kafka (settings null) intents, audit and experience stay in memory; without a policy
 * gateway nothing is submitted.
 */
public final class AgentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);
    public static final String VERSION = "0.1.0";

    private final AgentConfig config;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final RicProducer producer;
    private final IntentJournal journal;
    private final AuditSink audit;
    private final KpiSource kpis;
    private final boolean ownsKpis;
    private final ExperienceStore experience;
    private final IntentAgent agent;
    private final IntentAssurance assurance;
    private final ControlAuditJoin controlJoin;
    private final McpServer mcp;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AgentHealth health;
    private final AgentHttp http;
    private final HealthServer probes;
    private final int probePort;
    private final ScheduledExecutorService background;

    private AgentService(AgentConfig config, KafkaSettings kafka, PolicyGateway gateway, KpiSource givenKpis, Vertx givenVertx) {
        this.config = config;
        Clock clock = Clock.systemUTC();
        this.ownsVertx = givenVertx == null;
        this.vertx = givenVertx != null ? givenVertx : Vertx.vertx();
        this.background = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "agent-background");
            t.setDaemon(true);
            return t;
        });
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.producer = kafka == null ? null : RicProducer.create(kafka, "ric-agent");
            this.journal = kafka == null ? new IntentJournal.Memory() : KafkaIntentJournal.open(kafka, producer, false, Duration.ofSeconds(120));
            opened.add(journal);
            this.audit = kafka == null ? AuditSink.NONE : new KafkaAuditSink(producer, false);
            if (givenKpis != null) {
                this.kpis = givenKpis;
                this.ownsKpis = false;
            } else if (config.kpmUrl() != null) {
                this.kpis = new HttpKpis(config.kpmUrl(), Duration.ofSeconds(30));
                this.ownsKpis = false;
            } else if (kafka != null) {
                this.kpis = StreamKpis.follow(kafka, clock, Duration.ofMinutes(15));
                this.ownsKpis = true;
            } else {
                this.kpis = KpiSource.NONE;
                this.ownsKpis = false;
            }
            this.experience = kafka == null
                    ? ExperienceStore.memory(AllMiniLmL6V2EmbeddingModel::new, kpis, clock)
                    : ExperienceStore.open(kafka, producer, AllMiniLmL6V2EmbeddingModel::new, kpis, clock, Duration.ofSeconds(120));
            opened.add(experience);

            NetworkInventory inv = config.inventory() != null ? config.inventory()
                    : NetworkInventory.lab(NetworkContext.DEFAULT_LAB_CELLS, config.zone());
            NetworkContext base = new NetworkContext(inv, SafetyEnvelope.labDefaults(), List.of(), Clock.system(inv.zone()),
                    NetworkContext.DEFAULT_NIGHT);
            LocalTranslator local = LocalTranslator.withEmbeddings();
            IntentAgent[] self = new IntentAgent[1];
            AgentTools tools = new AgentTools(kpis, gateway, WhatIf.lab()).withIntentTools(() -> self[0]);
            List<Translator> llms = config.llm() == null ? List.of()
                    : List.of(LlmTranslator.create(config.llm(), tools, experience::promptLines));
            TranslatorRouter router = new TranslatorRouter(local, llms, LocalTranslator.DEFAULT_THRESHOLD,
                    new ExperiencePrior(experience, 0.85)::apply);
            this.agent = new IntentAgent(router, new Guard(), base, gateway, journal, audit, config.approval(), clock);
            self[0] = agent;
            agent.addListener(experience);
            agent.addListener(new AgentMetrics(metrics));
            Gauge.builder("agent_intents_active", journal, j -> j.all().stream()
                    .filter(r -> r.getState() == IntentState.INTENT_STATE_ACTIVE).count()).register(metrics);
            for (Fulfilment.Status s : List.of(Fulfilment.Status.STATUS_FULFILLED, Fulfilment.Status.STATUS_DEGRADED,
                    Fulfilment.Status.STATUS_NOT_FULFILLED)) {
                Gauge.builder("agent_intents_fulfilment", journal, j -> j.all().stream()
                        .filter(r -> r.getState() == IntentState.INTENT_STATE_ACTIVE && r.getFulfilment().getStatus() == s).count())
                        .tag("status", s.name().replace("STATUS_", "")).register(metrics);
            }

            this.assurance = new IntentAssurance(agent, kpis, clock, new IntentAssurance.Options(config.assuranceEvery(),
                    config.assuranceWindow(), config.assurancePatience()));
            assurance.addListener(experience);
            assurance.start();
            this.controlJoin = kafka == null ? null : ControlAuditJoin.start(kafka, audit, clock);
            this.mcp = new McpServer(tools, () -> agent.contextAt(clock.instant(), new ArrayList<>()), audit, clock, VERSION);
            this.health = new AgentHealth(kafka == null ? null : Admin.create(kafka.toProperties()), gateway, config.llm());
            background.scheduleWithFixedDelay(health::refresh, 0, 10, TimeUnit.SECONDS);
            if (config.warmUp()) {
                // the embedding model takes seconds to load: not on the first operator's time
                background.execute(() -> {
                    try {
                        local.warmUp();
                    } catch (RuntimeException e) {
                        LOG.warn("warming up the embedding model failed: {}", e.toString());
                    }
                });
            }
            this.http = config.port() < 0 ? null : AgentHttp.start(vertx, this, config.host(), config.port(), config.mcpOrigins());
            if (config.metricsPort() >= 0) {
                this.probes = new HealthServer(vertx, metrics);
                health.register(probes);
                this.probePort = probes.start(config.host(), config.metricsPort()).await();
            } else {
                this.probes = null;
                this.probePort = -1;
            }
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception x) {
                    e.addSuppressed(x);
                }
            }
            background.shutdownNow();
            if (ownsVertx) {
                vertx.close();
            }
            throw e;
        }
    }

    /**
     * Starts the agent.
     *
     * @param kafka   the cluster (ric.intents, ric.audit, ric.experience, e2.kpm, e2.control.*); null for memory only
     * @param gateway the policy store; null to translate without submitting
     * @param kpis    live KPIs (the KPM monitor in the same process); null for the config's kpmUrl or e2.kpm
     * @param vertx   a Vert.x to run the HTTP servers on; null for its own
     */
    public static AgentService start(AgentConfig config, KafkaSettings kafka, PolicyGateway gateway, KpiSource kpis, Vertx vertx) {
        return new AgentService(config, kafka, gateway, kpis, vertx);
    }

    public IntentAgent agent() {
        return agent;
    }

    public IntentAssurance assurance() {
        return assurance;
    }

    public ExperienceStore experience() {
        return experience;
    }

    public McpServer mcp() {
        return mcp;
    }

    public KpiSource kpis() {
        return kpis;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    AgentHealth health() {
        return health;
    }

    public AgentConfig config() {
        return config;
    }

    /** The API's port, -1 without HTTP. */
    public int port() {
        return http == null ? -1 : http.port();
    }

    /** The probe server's port (/health, /metrics), -1 when none. */
    public int probePort() {
        return probePort;
    }

    public String url() {
        String h = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + h + ":" + port();
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        if (probes != null) {
            probes.stop().await();
        }
        assurance.close();
        background.shutdownNow();
        if (controlJoin != null) {
            controlJoin.close();
        }
        health.close();
        experience.close();
        journal.close();
        audit.close();
        if (ownsKpis && kpis instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing the KPI source: {}", e.toString());
            }
        }
        if (producer != null) {
            producer.close();
        }
        if (ownsVertx) {
            vertx.close().await();
        }
    }
}
