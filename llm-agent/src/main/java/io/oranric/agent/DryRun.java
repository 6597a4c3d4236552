package io.oranric.agent;

import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.json.TranslationJson;
import io.oranric.agent.local.LocalTranslator;

/**
 * {@code ./ric intent --dry-run --json "<text>"} without the CLI (a development aid): prints the
 * translation object per argument; exits 2 if any of them is a clarification.
 */
public final class DryRun {

    private DryRun() {
    }

    public static Translation translate(String text) {
        return LocalTranslator.withEmbeddings().translate(text, NetworkContext.lab());
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DryRun \"<intent text>\" [more intents...]");
            System.exit(64);
        }
        LocalTranslator translator = LocalTranslator.withEmbeddings();
        NetworkContext ctx = NetworkContext.lab();
        int rc = 0;
        for (String text : args) {
            Translation t = translator.translate(text, ctx);
            System.out.println(TranslationJson.write(t, args.length == 1));
            if (!t.understood()) {
                rc = 2;
            }
        }
        System.exit(rc);
    }
}
