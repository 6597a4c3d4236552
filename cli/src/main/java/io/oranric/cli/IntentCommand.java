package io.oranric.cli;

import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.agent.json.TranslationJson;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./ric intent --dry-run --json "<text>"}: the offline translator, no network and no model
 * download. A translation is an answer whether it carries policies, rejections or a clarification
 * question, so all three exit 0 (scripts read {@code clarification}); {@code --fail-on-clarification}
 * makes a question exit 3 for scripts that only look at the status.
 */
@Command(name = "intent", mixinStandardHelpOptions = true,
    description = {"Translate an operator intent into validated policies (offline translator).",
        "Exit status: 0 translated (policies, rejections or a clarification question), 1 error;",
        "3 for a clarification with --fail-on-clarification."})
final class IntentCommand implements Callable<Integer> {

  static final int CLARIFICATION = 3;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The intent; quoting it is optional.")
  List<String> words;

  @Option(names = "--dry-run", description = "Translate and validate only; submit nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the translation as one JSON object (the policy contract's format).")
  boolean json;

  @Option(names = "--pretty", description = "Indent the JSON.")
  boolean pretty;

  @Option(names = "--cells", defaultValue = "" + NetworkContext.DEFAULT_LAB_CELLS,
      description = "Cells of the lab inventory (cell-1 .. cell-N). Default: ${DEFAULT-VALUE}.")
  int cells;

  @Option(names = "--zone", description = "Time zone of the network for daily windows and \"tonight\". Default: the system zone.")
  String zone;

  @Option(names = "--fail-on-clarification", description = "Exit 3 when the translator asks a question.")
  boolean failOnClarification;

  @Option(names = "--grammar-only", description = "Do not use the embedding classifier (what it would settle becomes a question).")
  boolean grammarOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!dryRun) {
      throw new IllegalStateException("submitting policies needs the policy store, which this build does not have yet;"
          + " run with --dry-run to translate and validate only");
    }
    String text = String.join(" ", words);
    ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    NetworkContext ctx = NetworkContext.lab(cells, z, Clock.system(z));
    LocalTranslator translator = grammarOnly ? LocalTranslator.grammarOnly() : LocalTranslator.withEmbeddings();
    Translation t = translator.translate(text, ctx);
    if (json) {
      out.println(TranslationJson.write(t, pretty));
    } else {
      printText(out, t);
    }
    out.flush();
    return t.understood() || !failOnClarification ? 0 : CLARIFICATION;
  }

  private static void printText(PrintWriter out, Translation t) {
    out.printf("intent %s (%s, confidence %.2f)%n", t.intentId(), t.translator(), t.confidence());
    for (Policy p : t.policies()) {
      out.printf("  + %s %s %s%n", p.type().wireName(), PolicyJson.statementNode(p.statement()), scope(p));
    }
    for (Rejection r : t.rejected()) {
      out.printf("  x %s %s %s%n    rejected: %s%n", r.policy().type().wireName(),
          PolicyJson.statementNode(r.policy().statement()), scope(r.policy()), r.reason());
    }
    if (t.clarification() != null) {
      out.printf("  ? %s%n", t.clarification());
    }
    for (String a : t.assumptions()) {
      out.printf("  (assumed: %s)%n", a);
    }
  }

  private static String scope(Policy p) {
    String s = p.scope().isWholeNetwork() ? "whole network" : PolicyJson.scopeNode(p.scope()).toString();
    if (!p.validity().isAlways()) {
      s += " " + PolicyJson.validityNode(p.validity());
    }
    return "on " + s;
  }
}
