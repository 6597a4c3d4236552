package io.oranric.cli;

import io.oranric.agent.api.Translator;
import java.util.List;
import picocli.CommandLine.Option;

/** Which LLM the router may escalate to (none: the offline translator answers alone). */
final class LlmOptions {
  @Option(names = "--provider", defaultValue = "offline", paramLabel = "offline|openai|anthropic|ollama",
      description = "The LLM the agent escalates compound, conditional or unclear intents to. Default: ${DEFAULT-VALUE}.")
  String provider;

  List<Translator> translators(Object tools, Object experience) {
    return List.of();
  }
}
