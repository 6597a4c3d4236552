package io.oranric.e2.sm;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The independent APER codec (Erlang/OTP asn1, {@code /work/shared/oracle/aper-oracle serve}) as one
 * long-lived process shared by all tests: a line "roundtrip SET TYPE HEX" in, "identical",
 * "different HEX" or "error REASON" out. Tests skip when the oracle or erl is not installed.
 */
public final class Oracle {
  private static final String PATH = System.getProperty("aper.oracle", "/work/shared/oracle/aper-oracle");
  private static Oracle instance;
  private static boolean tried;

  private final Process process;
  private final Writer in;
  private final BufferedReader out;

  private Oracle(Process p) {
    this.process = p;
    this.in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
    this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
  }

  /** The running oracle, or null when it cannot run here. */
  public static synchronized Oracle get() {
    if (tried) {
      return instance;
    }
    tried = true;
    if (!new File(PATH).canExecute() || !onPath("erl")) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(PATH, "serve").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Oracle o = new Oracle(p);
      // a first request checks that it answers (compiling the sets may take a while on first use)
      String probe = o.roundtrip("KPM3", "E2SM-KPM-EventTriggerDefinition", HexFormat.of().parseHex("0803E7"));
      if (!"identical".equals(probe)) {
        p.destroy();
        return null;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
      instance = o;
    } catch (Exception e) {
      instance = null;
    }
    return instance;
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (new File(d, exe).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** "identical", "different HEX" or "error REASON". */
  public synchronized String roundtrip(String set, String type, byte[] bytes) throws Exception {
    in.write("roundtrip " + set + " " + type + " " + HexFormat.of().formatHex(bytes).toUpperCase() + "\n");
    in.flush();
    String line = out.readLine();
    if (line == null) {
      process.waitFor(1, TimeUnit.SECONDS);
      throw new IllegalStateException("oracle ended");
    }
    return line.trim();
  }
}
