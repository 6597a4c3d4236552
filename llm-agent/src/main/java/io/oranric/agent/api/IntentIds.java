package io.oranric.agent.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Intent and policy ids. An intent id hashes the text with the instant it was received, so every
 * translator that sees the same request (offline first, then an LLM) names it the same, and the
 * same words sent again later become a new intent.
 */
public final class IntentIds {

    private IntentIds() {
    }

    public static String intentId(String text, Instant receivedAt) {
        MessageDigest md = sha256();
        md.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
        md.update(receivedAt.toString().getBytes(StandardCharsets.UTF_8));
        return "i-" + HexFormat.of().formatHex(md.digest(), 0, 4);
    }

    /** The n-th (from 1) policy of an intent: {@code i-19c2ab01} gives {@code p-19c2ab01-1}. */
    public static String policyId(String intentId, int n) {
        return intentId.replaceFirst("^i-", "p-") + "-" + n;
    }

    /** Hex SHA-256 of a text: the audit's prompt hash. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
