package io.oranric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./ric policy}: the policy store from the command line, through its REST interface, plus
 * {@code serve} to run the store and the interface standalone. Exit codes: 0 done, 1 refused or
 * failed (the reason on stderr), 2 usage.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "List, show, apply, activate, roll back or delete policies, or serve the policy store.",
    subcommands = {PolicyCommand.ListPolicies.class, PolicyCommand.Show.class, PolicyCommand.Apply.class,
        PolicyCommand.Activate.class, PolicyCommand.Reject.class, PolicyCommand.Rollback.class,
        PolicyCommand.Delete.class, PolicyCommand.Serve.class})
final class PolicyCommand implements Runnable {
  static final String DEFAULT_URL = "http://127.0.0.1:8081";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How every client subcommand reaches the service and prints. */
  static final class ClientOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:RIC_POLICY_URL:-" + DEFAULT_URL + "}",
        description = "The policy service. Default: $RIC_POLICY_URL, else " + DEFAULT_URL + ".")
    String url;

    @Option(names = "--json", description = "Print the service's JSON instead of text (for scripts).")
    boolean json;

    @Option(names = "--actor", defaultValue = "operator", paramLabel = "NAME",
        description = "Who makes the change, for the audit log. Default: ${DEFAULT-VALUE}.")
    String actor;

    PolicyClient client() {
      return new PolicyClient(url, actor);
    }
  }

  /** Shared by the client subcommands: run, print, map the answer to an exit code. */
  abstract static class ClientCommand implements Callable<Integer> {
    @Mixin ClientOptions options;
    @Spec CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
      PolicyClient client;
      try {
        client = options.client();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      try {
        return run(client);
      } catch (PolicyClient.Unreachable e) {
        err().println(spec.qualifiedName() + ": " + e.getMessage());
        err().flush();
        return 1;
      } finally {
        out().flush();
        err().flush();
      }
    }

    abstract int run(PolicyClient client);

    /** Prints a refusal or failure: the error model's detail, and field/value/bound when given. */
    int fail(PolicyClient.Reply r) {
      if (options.json && !r.body().isMissingNode()) {
        out().println(pretty(r.body()));
      }
      JsonNode b = r.body();
      String title = b.path("title").asText("HTTP " + r.status());
      String detail = b.path("detail").asText(r.text() == null ? "" : r.text());
      err().println(spec.qualifiedName() + ": " + title + " (" + r.status() + "): " + detail);
      if (b.hasNonNull("field") && !b.path("field").asText().isEmpty()) {
        StringBuilder s = new StringBuilder("  field ").append(b.path("field").asText());
        if (b.hasNonNull("value")) {
          s.append("  value ").append(b.path("value").asText());
        }
        if (b.hasNonNull("bound")) {
          s.append("  bound ").append(b.path("bound").asText());
        }
        err().println(s);
      }
      for (JsonNode v : b.path("violations")) {
        if (!v.path("message").asText().equals(detail)) {
          err().println("  also: " + v.path("message").asText());
        }
      }
      if (b.hasNonNull("policyId") && b.hasNonNull("policyStatus")) {
        err().println("  " + b.path("policyId").asText() + " v" + b.path("version").asInt() + " is recorded as "
            + b.path("policyStatus").asText());
      }
      return 1;
    }

    /** Prints a ChangeResult: one line for the decision, then what it did to other policies. */
    void printChange(JsonNode r) {
      if (options.json) {
        out().println(pretty(r));
        return;
      }
      String status = r.path("status").asText();
      out().println(r.path("policyId").asText() + " v" + r.path("version").asInt() + " " + status
          + (r.path("created").asBoolean() ? " (created)" : "")
          + (r.hasNonNull("reason") ? ": " + r.path("reason").asText() : ""));
      for (JsonNode s : r.path("superseded")) {
        out().println("  superseded " + s.asText());
      }
      if ("PROPOSED".equals(status)) {
        for (JsonNode l : r.path("losses")) {
          out().println("  on activation would supersede " + l.path("loser").asText() + ": " + l.path("reason").asText());
        }
        out().println("  approve with: ./ric policy activate " + r.path("policyId").asText());
      }
      JsonNode current = r.path("current");
      if (!current.isMissingNode() && current.path("version").asInt() != r.path("version").asInt()) {
        out().println("  in force: v" + current.path("version").asInt() + " " + current.path("status").asText());
      }
    }
  }

  @Command(name = "list", description = "The stored policies, one line each.")
  static final class ListPolicies extends ClientCommand {
    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: PROPOSED, ACTIVE, REJECTED, SUPERSEDED, EXPIRED.")
    String status;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type (PrbQuota, TxPower, ...).")
    String type;

    @Override
    int run(PolicyClient client) {
      List<String> query = new ArrayList<>();
      if (status != null) {
        query.add("status=" + PolicyClient.encode(status.toUpperCase(java.util.Locale.ROOT)));
      }
      if (type != null) {
        query.add("type=" + PolicyClient.encode(type));
      }
      PolicyClient.Reply r = client.get("/policies" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
      if (!r.ok()) {
        return fail(r);
      }
      if (options.json) {
        out().println(pretty(r.body()));
        return 0;
      }
      if (r.body().isEmpty()) {
        out().println("no policies");
        return 0;
      }
      out().printf("%-14s %-16s %4s %-22s %-6s %4s  %-24s %s%n", "ID", "TYPE", "VER", "STATUS", "EFFECT", "PRIO", "SCOPE", "REASON");
      for (JsonNode p : r.body()) {
        String st = p.path("status").asText() + (p.has("latestVersion")
            ? " (v" + p.path("latestVersion").asInt() + " " + p.path("latestStatus").asText() + ")" : "");
        out().printf("%-14s %-16s %4d %-22s %-6s %4d  %-24s %s%n", p.path("policyId").asText(), p.path("type").asText(),
            p.path("version").asInt(), st, p.path("inEffect").asBoolean() ? "yes" : "no", p.path("priority").asInt(),
            scope(p.path("policy").path("scope")), abbreviate(p.path("reason").asText(""), 60));
      }
      return 0;
    }
  }

  @Command(name = "show", description = "One policy: its current version, state and history.")
  static final class Show extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Policy id.")
    String id;

    @Override
    int run(PolicyClient client) {
      PolicyClient.Reply r = client.get("/policies/" + PolicyClient.encode(id));
      if (!r.ok()) {
        return fail(r);
      }
      JsonNode p = r.body();
      if (options.json) {
        out().println(pretty(p));
        return 0;
      }
      out().println(p.path("policyId").asText() + "  " + p.path("type").asText() + "  v" + p.path("version").asInt() + " "
          + p.path("status").asText() + "  " + (p.path("inEffect").asBoolean() ? "in effect" : "not in effect"));
      out().println("  priority " + p.path("priority").asInt() + ", scope " + scope(p.path("policy").path("scope"))
          + (p.hasNonNull("intentId") ? ", intent " + p.path("intentId").asText() : "")
          + ", updated " + p.path("updatedAt").asText() + " by " + p.path("updatedBy").asText());
      if (p.hasNonNull("reason")) {
        out().println("  reason: " + p.path("reason").asText());
      }
      if (p.has("latestVersion")) {
        out().println("  newer: v" + p.path("latestVersion").asInt() + " " + p.path("latestStatus").asText());
      }
      out().println("  statement: " + p.path("policy").path("statement"));
      if (p.path("policy").has("validity")) {
        out().println("  validity: " + p.path("policy").path("validity"));
      }
      out().println("  history:");
      for (JsonNode v : p.path("history")) {
        out().printf("    v%-3d %-11s %-12s %s%n", v.path("version").asInt(), v.path("status").asText(),
            v.path("everActive").asBoolean() ? "(was active)" : "", v.path("reason").asText(""));
      }
      return 0;
    }
  }

  @Command(name = "apply", description = "Submit a policy (or a JSON array of policies) from FILE, or stdin with '-'. "
      + "With a policyId it creates or updates that policy; without one the store assigns an id.")
  static final class Apply extends ClientCommand {
    @Parameters(paramLabel = "FILE|-", description = "Policy JSON of the policy contract.")
    String file;

    @Override
    int run(PolicyClient client) {
      String text = read(file);
      JsonNode doc;
      try {
        doc = MAPPER.readTree(text);
      } catch (IOException e) {
        err().println(spec.qualifiedName() + ": " + source() + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        return 1;
      }
      List<JsonNode> policies = new ArrayList<>();
      if (doc != null && doc.isArray()) {
        doc.forEach(policies::add);
      } else if (doc != null && doc.isObject()) {
        policies.add(doc);
      } else {
        err().println(spec.qualifiedName() + ": " + source() + " holds no policy object");
        return 1;
      }
      int exit = 0;
      for (JsonNode p : policies) {
        PolicyClient.Reply r;
        if (p.hasNonNull("policyId") && p.hasNonNull("type")) {
          r = client.call("PUT", "/a1-p/policytypes/" + PolicyClient.encode(p.path("type").asText()) + "/policies/"
              + PolicyClient.encode(p.path("policyId").asText()), p.toString());
        } else {
          r = client.call("POST", "/policies", p.toString());
        }
        if (r.ok()) {
          printChange(r.body());
        } else {
          exit = fail(r);
        }
      }
      return exit;
    }

    private String source() {
      return "-".equals(file) ? "stdin" : file;
    }

    private String read(String f) {
      try {
        if ("-".equals(f)) {
          InputStream in = System.in;
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(f));
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no file " + f);
      } catch (IOException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + f + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "activate", description = "Approve a PROPOSED policy (checked again against the envelope and conflicts).")
  static final class Activate extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(PolicyClient client) {
      PolicyClient.Reply r = client.call("POST", "/policies/" + PolicyClient.encode(id) + "/activate", null);
      if (!r.ok()) {
        return fail(r);
      }
      printChange(r.body());
      return 0;
    }
  }

  @Command(name = "reject", description = "Refuse a PROPOSED policy.")
  static final class Reject extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Override
    int run(PolicyClient client) {
      String body = reason == null ? null : MAPPER.createObjectNode().put("reason", reason).toString();
      PolicyClient.Reply r = client.call("POST", "/policies/" + PolicyClient.encode(id) + "/reject", body);
      if (!r.ok()) {
        return fail(r);
      }
      printChange(r.body());
      return 0;
    }
  }

  @Command(name = "rollback", description = "Restore the previous version that was in force, as a new version.")
  static final class Rollback extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(PolicyClient client) {
      PolicyClient.Reply r = client.call("POST", "/policies/" + PolicyClient.encode(id) + "/rollback", null);
      if (!r.ok()) {
        return fail(r);
      }
      printChange(r.body());
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a policy: enforcement stops and it leaves the store (the audit log keeps it).")
  static final class Delete extends ClientCommand {
    @Parameters(paramLabel = "ID") String id;

    @Override
    int run(PolicyClient client) {
      PolicyClient.Reply r = client.call("DELETE", "/policies/" + PolicyClient.encode(id), null);
      if (!r.ok()) {
        return fail(r);
      }
      if (options.json) {
        out().println(pretty(r.body()));
      } else {
        out().println("deleted " + r.body().path("policyId").asText() + " (last v" + r.body().path("version").asInt() + ")");
      }
      return 0;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Run the policy store and its A1-style REST interface until Ctrl-C (embedded Kafka by default).")
  static final class Serve implements Callable<Integer> {
    @Mixin KafkaOptions kafka;
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--auto-approve", description = "Accepted submissions become ACTIVE at once instead of PROPOSED.")
    boolean autoApprove;

    @Option(names = "--cells", defaultValue = "6", description = "Cells of the lab network (cell-1..cell-N on gnb-1..gnb-N). Default: ${DEFAULT-VALUE}.")
    int cells;

    @Option(names = "--zone", converter = ZoneConverter.class, paramLabel = "ZONE",
        description = "The network's time zone, in which daily windows are read (e.g. Europe/Berlin). Default: this machine's.")
    ZoneId zone;

    @Option(names = "--sweep-every", defaultValue = "10", paramLabel = "SECONDS", description = "Expiry sweep period. Default: ${DEFAULT-VALUE}.")
    int sweepSeconds;

    @Override
    public Integer call() throws Exception {
      if (cells < 2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--cells must be at least 2");
      }
      if (sweepSeconds < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--sweep-every must be at least 1 second");
      }
      if (port != 0) {
        PortCheck.requireFree(host, port, "--port");
      }
      ZoneId z = zone != null ? zone : ZoneId.systemDefault();
      PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(cells, z));
      PolicyStore.Options options = new PolicyStore.Options(autoApprove, Duration.ofSeconds(sweepSeconds), Clock.systemUTC(), null);
      PrintWriter out = spec.commandLine().getOut();
      KafkaBackbone backbone = kafka.open();
      PolicyServer server;
      try {
        server = PolicyServer.start(backbone.settings(), validator, options, host, port, Duration.ofSeconds(120));
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
      }, "ric-policy-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      // an interrupt (the embedding thread's way of saying stop) is remembered, not kept set, so
      // that closing Vert.x and Kafka, which wait, can finish
      boolean interrupted = false;
      try {
        out.printf("policy service on %s (%d policies; %s; %s approval; %d lab cells, zone %s)%n", server.url(),
            server.store().list().size(), backbone.describe(), autoApprove ? "auto" : "operator", cells, z);
        out.printf("  contract: %s/openapi.json   use it: ./ric policy list --url %s%n", server.url(), server.url());
        out.println("Ctrl-C stops it.");
        out.flush();
        stop.await();
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        server.close();
        backbone.close();
        closed.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down: the hook is running and waits for closed
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (java.time.DateTimeException e) {
        throw new CommandLine.TypeConversionException("unknown time zone " + value + " (e.g. UTC, Europe/Berlin)");
      }
    }
  }

  // ------------------------------------------------------------------ text helpers

  static String scope(JsonNode s) {
    List<String> parts = new ArrayList<>();
    for (String dim : new String[] {"nodes", "cells", "ues"}) {
      if (s.path(dim).size() > 0) {
        List<String> names = new ArrayList<>();
        s.path(dim).forEach(n -> names.add(n.asText()));
        parts.add(String.join(",", names));
      }
    }
    String where = parts.isEmpty() ? "network" : String.join(" ", parts);
    return s.hasNonNull("slice") ? where + "/" + s.path("slice").asText() : where;
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  static String pretty(JsonNode n) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (IOException e) {
      return n.toString();
    }
  }
}
