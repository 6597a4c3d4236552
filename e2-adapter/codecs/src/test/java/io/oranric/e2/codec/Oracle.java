package io.oranric.e2.codec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One long-lived {@code aper-oracle serve} process (Erlang/OTP asn1, an independent ALIGNED PER codec).
 * Located by the system property or environment variable {@code APER_ORACLE}, else the shared folder.
 */
final class Oracle implements AutoCloseable {

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private Oracle(Process p) {
        this.process = p;
        this.in = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII));
        this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
    }

    static Path script() {
        String p = System.getProperty("APER_ORACLE", System.getenv("APER_ORACLE"));
        return Path.of(p == null || p.isBlank() ? "/work/shared/oracle/aper-oracle" : p);
    }

    /**
     * Starts the oracle, or returns null with the reason in {@code why} (script missing, no Erlang and
     * no way to install it, build failure). The first call builds the ASN.1 sets (cached afterwards).
     */
    static Oracle start(StringBuilder why) {
        Path script = script();
        if (!Files.isExecutable(script)) {
            why.append("oracle script ").append(script).append(" not found (set APER_ORACLE)");
            return null;
        }
        try {
            Process p = new ProcessBuilder(script.toString(), "serve")
                    .redirectError(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "aper-oracle.log").toFile()))
                    .start();
            Oracle o = new Oracle(p);
            // a probe that every set answers: proves Erlang is there and the sets compiled
            String probe = o.roundtrip("KPM3", "E2SM-KPM-EventTriggerDefinition", "0803E7");
            if (!"identical".equals(probe)) {
                o.close();
                why.append("oracle did not start (answer: ").append(probe).append("; see ")
                        .append(System.getProperty("java.io.tmpdir")).append("/aper-oracle.log)");
                return null;
            }
            return o;
        } catch (IOException e) {
            why.append("oracle could not be started: ").append(e.getMessage());
            return null;
        }
    }

    /** One round trip: "identical", "different HEX" or "error ...". */
    String roundtrip(String set, String type, String hex) throws IOException {
        in.write("roundtrip " + set + " " + type + " " + hex + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null) {
            throw new IOException("oracle exited");
        }
        return line;
    }

    /** Pipelined round trips of one set and type (keeps both pipes flowing by writing in small batches). */
    List<String> roundtrips(String set, String type, List<String> hexes) throws IOException {
        List<String> answers = new ArrayList<>(hexes.size());
        int batch = 16;
        for (int i = 0; i < hexes.size(); i += batch) {
            int end = Math.min(hexes.size(), i + batch);
            for (int j = i; j < end; j++) {
                in.write("roundtrip " + set + " " + type + " " + hexes.get(j) + "\n");
            }
            in.flush();
            for (int j = i; j < end; j++) {
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("oracle exited");
                }
                answers.add(line);
            }
        }
        return answers;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is going away anyway
        }
        process.destroy();
    }
}
