package io.oranric.e2.sm;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.protocol.Plmn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/** Shared fixtures: a small inventory, vector loading, oracle checks. */
public final class TestSupport {
  private TestSupport() {}

  public static final Plmn PLMN = new Plmn("001", "01");
  public static final Ncgi CELL1 = new Ncgi(PLMN, 0x66C000L);
  public static final Ncgi CELL3 = new Ncgi(PLMN, 0x66C003L);
  public static final CellNaming NAMING = new CellNaming(Map.of(CELL1.key(), "cell-1", CELL3.key(), "cell-3"),
      Map.of("gnb-00101-000e0", "gnb-1"));

  public static byte[] vector(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/vectors/" + name + ".hex")) {
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().toLowerCase());
    } catch (Exception e) {
      throw new IllegalStateException("vector " + name, e);
    }
  }

  public static byte[] hex(String h) {
    return HexFormat.of().parseHex(h.replace(" ", "").toLowerCase());
  }

  /** Asserts that the independent codec decodes and re-encodes {@code bytes} identically (skips without it). */
  public static void oracle(String set, String type, byte[] bytes) throws Exception {
    Oracle o = Oracle.get();
    if (o == null) {
      return;
    }
    assertThat(o.roundtrip(set, type, bytes)).as("oracle %s %s %s", set, type, HexFormat.of().formatHex(bytes))
        .isEqualTo("identical");
  }

  public static boolean oracleAvailable() {
    return Oracle.get() != null;
  }

  /**
   * Feeds every truncation and a few thousand single-bit flips of {@code valid} to {@code decoder}, which
   * may accept them or throw ServiceModelException, nothing else.
   */
  public static void fuzz(byte[] valid, ThrowingConsumer decoder) {
    java.util.Random rnd = new java.util.Random(valid.length * 31L + valid[0]);
    for (int n = 0; n < valid.length; n++) {
      run(decoder, java.util.Arrays.copyOf(valid, n));
    }
    for (int i = 0; i < 2000; i++) {
      byte[] b = valid.clone();
      int bits = 1 + rnd.nextInt(3);
      for (int k = 0; k < bits; k++) {
        int bit = rnd.nextInt(b.length * 8);
        b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
      }
      run(decoder, b);
    }
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[1 + rnd.nextInt(64)];
      rnd.nextBytes(b);
      run(decoder, b);
    }
  }

  private static void run(ThrowingConsumer decoder, byte[] b) {
    try {
      decoder.accept(b);
    } catch (ServiceModelException e) {
      assertThat(e.e2apCause()).isNotNull();
    } catch (Throwable t) {
      String hex = HexFormat.of().formatHex(b);
      throw new AssertionError("input " + (hex.length() > 240 ? hex.substring(0, 240) + "... (" + b.length + " octets)" : hex)
          + " raised " + t, t);
    }
  }

  @FunctionalInterface
  public interface ThrowingConsumer {
    void accept(byte[] b) throws Exception;
  }

  static <T> Consumer<T> noop() {
    return t -> {};
  }
}
