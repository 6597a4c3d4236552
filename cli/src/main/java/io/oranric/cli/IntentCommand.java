package io.oranric.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.intent.AgentJson;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.HttpKpis;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.tools.AgentTools;
import io.oranric.agent.whatif.WhatIf;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./ric intent [--dry-run] [--json] "<text>"}: translate an operator intent through the
 * agent's pipeline (offline translator, an LLM when configured and needed, the guard), and without
 * {@code --dry-run} submit the accepted policies to the policy store and record the intent on
 * {@code ric.intents}. {@code --file F} takes one intent a line (one JVM, one JSON object a line).
 * A translation is an answer whether it carries policies, rejections or a clarification question,
 * so all three exit 0 (scripts read {@code clarification}); {@code --fail-on-clarification} makes a
 * question exit 3.
 */
@Command(name = "intent", mixinStandardHelpOptions = true,
    description = {"Translate an operator intent into validated policies; without --dry-run submit them and record the intent.",
        "Exit status: 0 translated (policies, rejections or a clarification question), 1 error;",
        "3 for a clarification with --fail-on-clarification."},
    subcommands = {IntentCommand.Approve.class, IntentCommand.Reject.class, IntentCommand.Report.class})
final class IntentCommand implements Callable<Integer> {

  static final int CLARIFICATION = 3;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The intent; quoting it is optional.")
  List<String> words;

  @Option(names = "--file", paramLabel = "FILE", description = "Intents one a line ('-' for stdin; blank lines and # comments skipped).")
  String file;

  @Option(names = "--dry-run", description = "Translate and validate only; submit and record nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print each answer as one JSON object (the policy contract's format plus state and routing).")
  boolean json;

  @Option(names = "--pretty", description = "Indent the JSON (single intents only).")
  boolean pretty;

  @Option(names = "--auto-approve", description = "Activate the accepted policies at once instead of leaving them PROPOSED.")
  boolean autoApprove;

  @Option(names = "--operator", defaultValue = "${env:USER:-operator}", paramLabel = "NAME",
      description = "Who states the intent, for the audit log. Default: $USER.")
  String operator;

  @Option(names = "--fail-on-clarification", description = "Exit 3 when the translator asks a question.")
  boolean failOnClarification;

  @Option(names = "--grammar-only", description = "Do not use the embedding classifier (what it would settle becomes a question).")
  boolean grammarOnly;

  @Option(names = "--kpm-url", paramLabel = "URL",
      description = "The KPM monitor xApp's HTTP API (e.g. http://127.0.0.1:8091), live KPIs for an LLM's get_kpis tool.")
  String kpmUrl;

  @Option(names = "--agent", paramLabel = "URL", defaultValue = "${env:RIC_AGENT_URL}",
      description = {"Send the intent to a running agent (the lab's on http://127.0.0.1:8082, or ./ric agent serve) instead of "
          + "translating here: it records, audits and assures it, with its own approval mode.", "Default: $RIC_AGENT_URL."})
  String agentUrl;

  @Mixin NetworkOptions network;
  @Mixin StoreOptions store;
  @Mixin LlmOptions llm;

  static final String AGENT_HINT = "start the lab (./ric lab) or ./ric agent serve, or give --agent / RIC_AGENT_URL";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> texts = texts();
    if (agentUrl != null && !agentUrl.isBlank()) {
      return viaAgent(texts, out, err);
    }
    NetworkContext ctx = network.context();
    LocalTranslator local = grammarOnly ? LocalTranslator.grammarOnly() : LocalTranslator.withEmbeddings();
    PolicyGateway gateway = dryRun ? null : store.gateway();
    TranslatorRouter router = new TranslatorRouter(local, llm.translators(() -> new AgentTools(
        kpmUrl == null ? KpiSource.NONE : new HttpKpis(kpmUrl, Duration.ofSeconds(30)), store.gateway(), WhatIf.lab()), null),
        LocalTranslator.DEFAULT_THRESHOLD);
    int exit = 0;
    try (StoreOptions.Recording rec = dryRun ? null : store.recording()) {
      if (rec != null && !rec.durable()) {
        err.println("note: no --kafka (or RIC_KAFKA_BOOTSTRAP_SERVERS): the policies are submitted, but the intent is"
            + " not recorded on ric.intents nor audited on ric.audit");
      }
      IntentAgent agent = new IntentAgent(router, new Guard(), ctx, gateway, rec == null ? null : rec.journal,
          rec == null ? null : rec.audit, autoApprove ? IntentAgent.Approval.AUTO : IntentAgent.Approval.OPERATOR,
          Clock.systemUTC());
      for (String text : texts) {
        IntentAgent.Result r;
        try {
          r = agent.submit(new IntentAgent.Request(text, operator, "cli", dryRun));
        } catch (PolicyGateway.Unavailable e) {
          throw new IllegalStateException(e.getMessage() + " (or translate only with --dry-run)", e);
        }
        print(out, r, texts.size() == 1 && pretty);
        if (!r.translation().understood() && failOnClarification) {
          exit = CLARIFICATION;
        }
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** The intents go to a running agent's REST API; its answer is the same JSON a local run prints. */
  private int viaAgent(List<String> texts, PrintWriter out, PrintWriter err) {
    PolicyClient agent = new PolicyClient(agentUrl, operator, "the intent agent", AGENT_HINT);
    int exit = 0;
    for (String text : texts) {
      ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("text", text)
          .put("operator", operator).put("dryRun", dryRun);
      PolicyClient.Reply r;
      try {
        r = agent.call("POST", "/intents", body.toString());
      } catch (PolicyClient.Unreachable e) {
        err.println("ric intent: " + e.getMessage());
        return 1;
      }
      if (!r.ok()) {
        err.println("ric intent: the agent answered " + r.status() + ": " + r.body().path("detail").asText(r.text()));
        exit = 1;
        continue;
      }
      if (json) {
        out.println(texts.size() == 1 && pretty ? r.body().toPrettyString() : r.body().toString());
      } else {
        printRemote(out, r.body());
      }
      if (!r.body().path("clarification").isNull() && failOnClarification) {
        exit = Math.max(exit, CLARIFICATION);
      }
    }
    out.flush();
    return exit;
  }

  static void printRemote(PrintWriter out, com.fasterxml.jackson.databind.JsonNode n) {
    out.printf("intent %s (%s, confidence %s)%s%n", n.path("intentId").asText(), n.path("translator").asText(),
        n.path("confidence").asText(), n.path("dryRun").asBoolean() ? "" : ": " + n.path("state").asText());
    var submitted = n.path("submitted");
    int i = 0;
    for (var p : n.path("policies")) {
      var d = submitted.path(i++);
      out.printf("  + %s %s on %s%s%n", p.path("type").asText(), p.path("statement"), p.path("scope"),
          d.isMissingNode() ? "" : "  -> " + d.path("policyId").asText() + " " + d.path("status").asText()
              + (d.hasNonNull("reason") ? " (" + d.path("reason").asText() + ")" : ""));
    }
    for (var x : n.path("rejected")) {
      out.printf("  x %s%n    rejected: %s%n", x.path("policy").isMissingNode() ? x.path("raw") : x.path("policy"), x.path("reason").asText());
    }
    if (n.hasNonNull("clarification")) {
      out.printf("  ? %s%n", n.path("clarification").asText());
    }
    for (var note : n.path("notes")) {
      out.printf("  note: %s%n", note.asText());
    }
    if ("PROPOSED".equals(n.path("state").asText())) {
      out.printf("  approve with: ./ric intent approve %s%n", n.path("intentId").asText());
    } else if ("ACTIVE".equals(n.path("state").asText())) {
      out.printf("  fulfilment: ./ric intent report %s%n", n.path("intentId").asText());
    }
  }

  private List<String> texts() {
    if (file != null && words != null && !words.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give the intent as TEXT or with --file, not both");
    }
    if (file == null) {
      if (words == null || words.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: TEXT (or --file FILE)");
      }
      return List.of(String.join(" ", words));
    }
    List<String> lines;
    try {
      if ("-".equals(file)) {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        lines = r.lines().toList();
      } else {
        lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      }
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no file " + file);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String t = l.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(t);
      }
    }
    return out;
  }

  private void print(PrintWriter out, IntentAgent.Result r, boolean indent) {
    if (json) {
      ObjectNode n = AgentJson.result(r);
      out.println(indent ? n.toPrettyString() : n.toString());
    } else {
      printText(out, r);
    }
    out.flush();
  }

  static void printText(PrintWriter out, IntentAgent.Result r) {
    Translation t = r.translation();
    out.printf("intent %s (%s, confidence %.2f)%s%n", t.intentId(), t.translator(), t.confidence(),
        r.dryRun() ? "" : ": " + r.state().name().replace("INTENT_STATE_", ""));
    for (Policy p : t.policies()) {
      out.printf("  + %s %s %s%s%n", p.type().wireName(), PolicyJson.statementNode(p.statement()), scope(p), decision(r, p));
    }
    for (Rejection x : t.rejected()) {
      String what = x.policy() != null
          ? x.policy().type().wireName() + " " + PolicyJson.statementNode(x.policy().statement()) + " " + scope(x.policy())
          : String.valueOf(x.raw());
      out.printf("  x %s%n    rejected: %s%n", what, x.reason());
    }
    if (t.clarification() != null) {
      out.printf("  ? %s%n", t.clarification());
    }
    for (String a : t.assumptions()) {
      out.printf("  (assumed: %s)%n", a);
    }
    if (r.route() != null && (!"local".equals(r.route().answeredBy()) || !r.route().escalation().isEmpty())) {
      out.printf("  (routing: %s)%n", r.route().reason());
    }
    for (String n : r.notes()) {
      out.printf("  note: %s%n", n);
    }
    if (r.state() == io.oranric.contract.v1.IntentState.INTENT_STATE_PROPOSED) {
      out.printf("  approve with: ./ric intent approve %s   (or reject: ./ric intent reject %s)%n", t.intentId(), t.intentId());
    }
  }

  private static String decision(IntentAgent.Result r, Policy p) {
    for (PolicyGateway.Decision d : r.decisions()) {
      if (d.policyId().equals(p.policyId())) {
        return "  -> " + d.policyId() + " " + d.status() + (d.refused() && d.reason() != null ? " (" + d.reason() + ")" : "");
      }
    }
    return "";
  }

  private static String scope(Policy p) {
    String s = p.scope().isWholeNetwork() ? "whole network" : PolicyJson.scopeNode(p.scope()).toString();
    if (!p.validity().isAlways()) {
      s += " " + PolicyJson.validityNode(p.validity());
    }
    return "on " + s;
  }

  /**
   * {@code ./ric intent report ID}: the agent's fulfilment report of an intent (FULFILLED, DEGRADED,
   * NOT_FULFILLED, with each expectation's KPI, scope, target and measurement), evaluated afresh.
   */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Show how an ACTIVE intent is fulfilled, as the running agent's assurance measures it now.")
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The intent id (i-...).")
    String intentId;

    @Option(names = "--agent", paramLabel = "URL", defaultValue = "${env:RIC_AGENT_URL:-http://127.0.0.1:8082}",
        description = "The agent (the lab's, or ./ric agent serve). Default: $RIC_AGENT_URL, else http://127.0.0.1:8082.")
    String agentUrl;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      PolicyClient.Reply r;
      try {
        r = new PolicyClient(agentUrl, "cli", "the intent agent", AGENT_HINT)
            .get("/intents/" + PolicyClient.encode(intentId) + "/report?refresh=true");
      } catch (PolicyClient.Unreachable e) {
        err.println("ric intent report: " + e.getMessage());
        err.flush();
        return 1;
      }
      if (!r.ok()) {
        err.println("ric intent report: " + r.body().path("detail").asText(r.text()));
        err.flush();
        return 1;
      }
      var n = r.body();
      if (json) {
        out.println(n.toPrettyString());
      } else {
        var f = n.path("fulfilment");
        out.printf("intent %s \"%s\": %s%s%n", intentId, n.path("text").asText(), n.path("state").asText(),
            f.isObject() ? ", " + f.path("status").asText() + " (evaluated " + f.path("evaluatedAt").asText() + ")" : "");
        for (var e : f.path("expectations")) {
          out.printf("  %s %-20s %-16s measured %s, target %s%n", e.path("met").asBoolean() ? "ok  " : "MISS", e.path("kpi").asText(),
              e.path("scope").asText(), e.path("measured").isNull() ? "-" : e.path("measured").asText(), e.path("target").asText());
        }
        if (f.hasNonNull("proposal")) {
          out.printf("  adjustment proposed: %s%n", f.path("proposal").asText());
        }
        if (n.hasNonNull("note")) {
          out.printf("  (%s)%n", n.path("note").asText());
        }
        out.printf("  KPIs from %s%n", n.path("kpiSource").asText());
      }
      out.flush();
      return 0;
    }
  }

  /** Shared by approve and reject: find the intent, act on its policies, print. */
  abstract static class Decide implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;
    @Mixin NetworkOptions network;

    @Parameters(paramLabel = "ID", description = "The intent id (i-...).")
    String intentId;

    @Option(names = "--actor", defaultValue = "${env:USER:-operator}", paramLabel = "NAME", description = "Who decides, for the audit log. Default: $USER.")
    String actor;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (StoreOptions.Recording rec = store.recording()) {
        if (!rec.durable()) {
          err.println("note: no --kafka: the intent's policies are found in the policy store; ric.intents is not updated");
        }
        IntentAgent agent = new IntentAgent(new TranslatorRouter(LocalTranslator.grammarOnly(), List.of(), 0.6), new Guard(),
            network.context(), store.gateway(), rec.journal, rec.audit, IntentAgent.Approval.OPERATOR, Clock.systemUTC());
        IntentAgent.Result r;
        try {
          r = decide(agent);
        } catch (NoSuchElementException | IntentAgent.NotAllowed e) {
          err.println(spec.qualifiedName() + ": " + e.getMessage());
          return 1;
        } catch (PolicyGateway.Unavailable e) {
          err.println(spec.qualifiedName() + ": " + e.getMessage());
          return 1;
        }
        if (json) {
          out.println(AgentJson.result(r).toPrettyString());
        } else {
          out.printf("intent %s: %s%n", intentId, r.state().name().replace("INTENT_STATE_", ""));
          for (PolicyGateway.Decision d : r.decisions()) {
            out.printf("  %s v%d %s%s%n", d.policyId(), d.version(), d.status(), d.reason() != null ? ": " + d.reason() : "");
          }
        }
        boolean refused = r.decisions().stream().anyMatch(d -> "REJECTED".equals(d.status()) || "UNKNOWN".equals(d.status()));
        return refused && approving() ? 1 : 0;
      } finally {
        out.flush();
        err.flush();
      }
    }

    abstract IntentAgent.Result decide(IntentAgent agent);

    abstract boolean approving();
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Activate the policies of a PROPOSED intent (each checked again against the envelope and conflicts).")
  static final class Approve extends Decide {
    @Override
    IntentAgent.Result decide(IntentAgent agent) {
      return agent.approve(intentId, actor);
    }

    @Override
    boolean approving() {
      return true;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Refuse the policies of a PROPOSED (or withdraw an ACTIVE) intent.")
  static final class Reject extends Decide {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Override
    IntentAgent.Result decide(IntentAgent agent) {
      return agent.reject(intentId, reason, actor);
    }

    @Override
    boolean approving() {
      return false;
    }
  }
}
