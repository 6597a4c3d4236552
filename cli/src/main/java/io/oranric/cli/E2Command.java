package io.oranric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.Asn1Json;
import io.oranric.e2.codec.Asn1Roundtrip;
import io.oranric.e2.codec.Asn1Set;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * E2 codec tools: decode APER to JSON, encode JSON to APER, round-trip check. PDUs come as hex arguments,
 * or one per line on standard input.
 */
@Command(name = "e2", mixinStandardHelpOptions = true,
    description = "The E2 termination (serve) and E2AP / E2SM codec tools (ALIGNED PER).",
    subcommands = {E2ServeCommand.class, E2Command.Decode.class, E2Command.Encode.class, E2Command.Roundtrip.class})
final class E2Command implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by the three tools. */
  abstract static class Base {
    @Spec CommandSpec spec;

    @Option(names = "--asn1", defaultValue = "E2AP3", paramLabel = "SET",
        description = "ASN.1 set: E2AP2, E2AP3, KPM2, KPM3, RC1, CCC1 (default: ${DEFAULT-VALUE}).")
    String asn1;

    @Option(names = "--type", paramLabel = "TYPE",
        description = "ASN.1 type, e.g. E2AP-PDU (default for E2AP), E2SM-KPM-IndicationMessage.")
    String type;

    @Option(names = "--e2sm", paramLabel = "SET",
        description = "Also decode the E2SM payloads inside E2AP with this set (KPM2, KPM3, RC1, CCC1).")
    String e2sm;

    Asn1Set set() {
      return Asn1Set.of(asn1);
    }

    String typeName() {
      String t = type != null ? type : set().defaultType();
      if (t == null) {
        throw new IllegalArgumentException("--type is needed for " + asn1 + " (an E2SM set has no single PDU type)");
      }
      set().type(t); // fails early with the names that exist
      return t;
    }

    Asn1Set e2smSet() {
      return e2sm == null ? null : Asn1Set.of(e2sm);
    }

    Asn1Json json() {
      return e2sm == null ? Asn1Json.plain() : Asn1Json.withE2sm(e2smSet());
    }

    /** Hex PDUs from the arguments, or from standard input (one per line; blank lines and # comments skipped). */
    static List<byte[]> pdus(List<String> args) throws IOException {
      List<String> texts = new ArrayList<>();
      if (args == null || args.isEmpty() || args.equals(List.of("-"))) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line; (line = in.readLine()) != null; ) {
          texts.add(line);
        }
      } else {
        texts.addAll(args);
      }
      List<byte[]> out = new ArrayList<>();
      for (String t : texts) {
        String hex = t.replaceFirst("#.*", "").replaceAll("\\s+|0x|:", "");
        if (!hex.isEmpty()) {
          out.add(OctetString.fromHex(hex).toByteArray());
        }
      }
      return out;
    }
  }

  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = "Decode APER PDUs (hex) and print each as JSON with the ASN.1 field names.")
  static final class Decode extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "HEX", description = "PDUs in hex; none or '-' reads one per line from stdin.")
    List<String> hex;

    @Option(names = "--compact", description = "One JSON line per PDU instead of pretty-printed JSON.")
    boolean compact;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Asn1Json json = json();
      String t = typeName();
      int failures = 0;
      for (byte[] pdu : pdus(hex)) {
        try {
          JsonNode n = json.decodeToJson(set(), t, pdu);
          out.println(compact ? n.toString() : Asn1Json.pretty(n));
        } catch (RuntimeException e) {
          failures++;
          spec.commandLine().getErr().println("error: " + e.getMessage());
        }
      }
      out.flush();
      spec.commandLine().getErr().flush();
      return failures == 0 ? 0 : 1;
    }
  }

  @Command(name = "encode", mixinStandardHelpOptions = true,
      description = "Encode JSON values (as printed by 'e2 decode') and print each PDU in hex.")
  static final class Encode extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "JSON", arity = "0..1",
        description = "JSON text, @FILE, or none/'-' for stdin; several JSON values in a row give several PDUs.")
    String input;

    @Override
    public Integer call() throws IOException {
      Reader reader;
      if (input == null || input.equals("-")) {
        reader = new InputStreamReader(System.in, StandardCharsets.UTF_8);
      } else if (input.startsWith("@")) {
        reader = Files.newBufferedReader(Path.of(input.substring(1)), StandardCharsets.UTF_8);
      } else {
        reader = new StringReader(input);
      }
      PrintWriter out = spec.commandLine().getOut();
      Asn1Json json = json();
      String t = typeName();
      try (MappingIterator<JsonNode> values = Asn1Json.mapper().readerFor(JsonNode.class).readValues(reader)) {
        while (values.hasNext()) {
          out.println(OctetString.wrap(json.encodeFromJson(set(), t, values.next())).toHex());
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "roundtrip", mixinStandardHelpOptions = true,
      description = {"Decode and re-encode each PDU; print 'identical', 'equivalent HEX' (same value, canonical "
          + "bytes: e.g. an asn1c REAL with a leading zero octet), the new HEX, or the error.",
          "Exit 0 only if every PDU is identical; 2 if some are only equivalent; 1 otherwise."})
  static final class Roundtrip extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "HEX", description = "PDUs in hex; none or '-' reads one per line from stdin.")
    List<String> hex;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      String t = typeName();
      boolean equivalent = false;
      boolean bad = false;
      for (byte[] pdu : pdus(hex)) {
        Asn1Roundtrip.Result r = Asn1Roundtrip.roundtrip(set(), t, e2smSet(), pdu);
        switch (r.kind()) {
          case IDENTICAL -> out.println("identical");
          case EQUIVALENT -> {
            equivalent = true;
            out.println("equivalent " + OctetString.wrap(r.reencoded()).toHex());
          }
          case DIFFERENT -> {
            bad = true;
            out.println(OctetString.wrap(r.reencoded()).toHex());
          }
          case ERROR -> {
            bad = true;
            out.println("error " + r.error());
          }
        }
      }
      out.flush();
      return bad ? 1 : equivalent ? 2 : 0;
    }
  }
}
