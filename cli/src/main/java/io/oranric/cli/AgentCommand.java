package io.oranric.cli;

import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.mcp.McpStdio;
import io.oranric.agent.policy.RestPolicyGateway;
import io.oranric.agent.service.AgentConfig;
import io.oranric.agent.service.AgentService;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.policies.validation.NetworkInventory;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./ric agent serve}: the intent agent as a service (HTTP API, MCP, assurance, experience,
 * audit); {@code ./ric agent mcp --stdio}: the same tools for an MCP client that launches it.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run the intent agent: HTTP API and MCP (serve), or MCP on stdin/stdout (mcp --stdio).",
    subcommands = {AgentCommand.Serve.class, AgentCommand.Mcp.class})
final class AgentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What both subcommands share: the network, the policy store, the LLM, approval, KPIs, assurance. */
  static final class Common {
    @Option(names = "--policy-url", paramLabel = "URL", defaultValue = "${env:RIC_POLICY_URL:-" + RestPolicyGateway.DEFAULT_URL + "}",
        description = "The policy service. Default: $RIC_POLICY_URL, else " + RestPolicyGateway.DEFAULT_URL + ".")
    String policyUrl;

    @Option(names = "--auto-approve", description = "Activate accepted policies (and assurance adjustments) at once instead of leaving them PROPOSED.")
    boolean autoApprove;

    @Option(names = "--kpm-url", paramLabel = "URL",
        description = "The KPM monitor xApp's HTTP API for live KPIs. Default: follow e2.kpm in this process.")
    String kpmUrl;

    @Option(names = "--assurance-every", paramLabel = "S", defaultValue = "15s",
        description = "How often ACTIVE intents are evaluated. Default: ${DEFAULT-VALUE}.")
    String assuranceEvery;

    @Option(names = "--assurance-window", paramLabel = "S", defaultValue = "60s",
        description = "KPI window of one evaluation. Default: ${DEFAULT-VALUE}.")
    String assuranceWindow;

    @Option(names = "--assurance-patience", paramLabel = "N", defaultValue = "4",
        description = "Evaluations in a row short of FULFILLED before an adjustment is proposed. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Mixin NetworkOptions network;
    @Mixin LlmOptions llm;

    AgentConfig config(String host, int port, int metricsPort, Set<String> origins) {
      NetworkInventory inv = network.context().inventory();
      return new AgentConfig(host, port, metricsPort, llm.config(), autoApprove ? IntentAgent.Approval.AUTO : IntentAgent.Approval.OPERATOR,
          inv, inv.zone(), kpmUrl, io.oranric.agent.llm.LlmConfig.duration(assuranceEvery),
          io.oranric.agent.llm.LlmConfig.duration(assuranceWindow), patience, origins, true);
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Run the intent agent until Ctrl-C: POST /intents, GET /intents/{id}, POST /intents/{id}/approve|reject,",
          "GET /intents/{id}/report, POST /mcp (Model Context Protocol), /health, /metrics. The API key of an LLM comes from RIC_LLM_API_KEY."})
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KafkaOptions kafka;
    @Mixin Common common;

    @Option(names = "--port", defaultValue = "8082", description = "HTTP port of the API and MCP (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--metrics-port", defaultValue = "-1", paramLabel = "PORT",
        description = "A second port with only /health and /metrics (probes). Default: none (the API port serves them).")
    int metricsPort;

    @Option(names = "--mcp-allowed-origin", paramLabel = "ORIGIN",
        description = "A browser origin besides loopback allowed to call /mcp (repeatable).")
    List<String> origins;

    @Override
    public Integer call() throws Exception {
      if (port > 0) {
        PortCheck.requireFree(host, port, "--port");
      }
      AgentConfig config = common.config(host, port, metricsPort, origins == null ? Set.of() : Set.copyOf(origins));
      PrintWriter out = spec.commandLine().getOut();
      KafkaBackbone backbone = kafka.open();
      AgentService agent;
      try {
        agent = AgentService.start(config, backbone.settings(), new RestPolicyGateway(common.policyUrl), null, null);
      } catch (RuntimeException e) {
        backbone.close();
        throw e;
      }
      CountDownLatch stop = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        stop.countDown();
        try {
          closed.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "ric-agent-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      boolean interrupted = false;
      try {
        out.printf("intent agent on %s (%s; policy store %s; %s; %s approval; %d cells)%n", agent.url(), backbone.describe(),
            common.policyUrl, config.llm() == null ? "offline translator only" : "LLM " + config.llm().translatorId() + " at "
                + config.llm().baseUrl(), config.approval().name().toLowerCase(java.util.Locale.ROOT),
            config.inventory().cells().size());
        out.printf("  try: curl -s -XPOST %s/intents -d '{\"text\":\"cap embb at 60%% in cell 2\"}'   MCP: %s/mcp%n", agent.url(), agent.url());
        if (agent.probePort() > 0) {
          out.printf("  probes: http://%s:%d/health /metrics%n", host, agent.probePort());
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        stop.await();
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        agent.close();
        backbone.close();
        closed.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down: the hook waits for closed
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  @Command(name = "mcp", mixinStandardHelpOptions = true,
      description = "Serve the agent's tools over MCP on stdin/stdout (one JSON-RPC message a line) until stdin closes.")
  static final class Mcp implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--stdio", required = true, description = "Use stdin/stdout (the only transport of this command; HTTP is ./ric agent serve).")
    boolean stdio;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
        description = "Kafka cluster for ric.intents, ric.audit, ric.experience and e2.kpm. Default: $RIC_KAFKA_BOOTSTRAP_SERVERS; none keeps them in memory.")
    String kafka;

    @Override
    public Integer call() throws Exception {
      // stdout carries the protocol only: anything else that prints goes to stderr
      PrintStream protocol = System.out;
      System.setOut(System.err);
      try {
        String spec0 = kafka != null ? kafka : System.getenv("RIC_KAFKA_BOOTSTRAP_SERVERS");
        KafkaSettings settings = null;
        KafkaBackbone backbone = null;
        if (spec0 != null && !spec0.isBlank()) {
          if (KafkaBackbone.EMBEDDED.equals(spec0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka needs HOST:PORT of a running cluster");
          }
          backbone = KafkaBackbone.open(spec0, System.getenv(), null);
          settings = backbone.settings();
        }
        AgentConfig config = common.config("127.0.0.1", -1, -1, Set.of()).withWarmUp(false);
        try (AgentService agent = AgentService.start(config, settings, new RestPolicyGateway(common.policyUrl), null, null)) {
          McpStdio.serve(agent.mcp(), System.in, protocol);
        } finally {
          if (backbone != null) {
            backbone.close();
          }
        }
        return 0;
      } finally {
        System.setOut(protocol);
      }
    }
  }
}
