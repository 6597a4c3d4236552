package io.oranric.e2.sm.internal;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.AperReader;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.sm.ServiceModelException;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decoding and encoding E2SM payloads with the generated codecs, turning every failure into a
 * {@link ServiceModelException}: the termination and the node must never see an AperException, an NPE
 * from a record constructor or an index error from a malformed payload.
 */
public final class Asn {
  private Asn() {}

  /**
   * Decodes a complete encoding. {@code strict} also rejects octets left over after the value (used when
   * trying layouts in turn, where a wrong layout may happen to decode a prefix); otherwise only
   * non-zero leftovers are rejected, since some encoders pad.
   */
  public static <T> T decode(byte[] bytes, Function<AperReader, T> decoder, String what, boolean strict, Cause cause)
      throws ServiceModelException {
    if (bytes == null || bytes.length == 0) {
      throw new ServiceModelException(what + " is empty", cause);
    }
    try {
      AperReader r = new AperReader(bytes);
      T value = decoder.apply(r);
      if (!r.atEnd()) {
        int left = r.remainingBits() / 8;
        boolean zeros = true;
        for (int i = bytes.length - left; i < bytes.length; i++) {
          zeros &= bytes[i] == 0;
        }
        if (strict || !zeros) {
          throw new ServiceModelException(what + ": " + left + " octet(s) left after the value", cause);
        }
      }
      return value;
    } catch (AperException e) {
      throw new ServiceModelException(what + " does not decode: " + e.getMessage(), cause, e);
    } catch (RuntimeException e) {
      throw new ServiceModelException(what + " is not a valid value: " + e, cause, e);
    }
  }

  /** Builds and encodes a value; constructor checks and encoder constraint checks become the given cause. */
  public static byte[] encode(Supplier<byte[]> encoder, String what, Cause cause) throws ServiceModelException {
    try {
      return encoder.get();
    } catch (AperException e) {
      throw new ServiceModelException("cannot encode " + what + ": " + e.getMessage(), cause, e);
    } catch (RuntimeException e) {
      throw new ServiceModelException("cannot encode " + what + ": " + e.getMessage(), cause, e);
    }
  }

  // ------------------------------------------------------------------ time stamps

  /** Seconds between 1900-01-01 (NTP era 0) and 1970-01-01. */
  public static final long NTP_UNIX_OFFSET = 2_208_988_800L;

  /** The first 64 bits of an NTP time stamp (RFC 5905): seconds since 1900, then a 32-bit fraction. */
  public static byte[] ntp64(Instant t) {
    long seconds = t.getEpochSecond() + NTP_UNIX_OFFSET;
    long fraction = (t.getNano() * (1L << 32)) / 1_000_000_000L;
    long v = (seconds << 32) | (fraction & 0xFFFF_FFFFL);
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  /** The seconds of an NTP time stamp in 4 octets (KPM v2.03 TimeStamp). */
  public static byte[] ntp32(Instant t) {
    long seconds = t.getEpochSecond() + NTP_UNIX_OFFSET;
    return new byte[] {(byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds};
  }

  /**
   * Reads a KPM/CCC time stamp. The specs say NTP format, but stacks differ: srsRAN writes Unix seconds
   * into the 8 octets, others Unix milliseconds or microseconds. NTP seconds since 1900 are beyond
   * 2^31 for any date after 1968, which tells them apart from Unix counts; Unix counts are told apart
   * by magnitude (seconds below 10^11, milliseconds below 10^14, microseconds below 10^17).
   */
  public static Instant timestamp(byte[] b) {
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xFF);
    }
    if (b.length == 4) {
      return v >= NTP_UNIX_OFFSET ? Instant.ofEpochSecond(v - NTP_UNIX_OFFSET) : Instant.ofEpochSecond(v);
    }
    if (b.length != 8) {
      throw new IllegalArgumentException("time stamp of " + b.length + " octets");
    }
    long high = v >>> 32;
    if (high >= NTP_UNIX_OFFSET) {
      long nanos = ((v & 0xFFFF_FFFFL) * 1_000_000_000L) >>> 32;
      return Instant.ofEpochSecond(high - NTP_UNIX_OFFSET, nanos);
    }
    if (v < 0) {
      throw new IllegalArgumentException("time stamp out of range");
    }
    if (v < 100_000_000_000L) {
      return Instant.ofEpochSecond(v);
    }
    if (v < 100_000_000_000_000L) {
      return Instant.ofEpochMilli(v);
    }
    if (v < 100_000_000_000_000_000L) {
      return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
    }
    return Instant.ofEpochSecond(v / 1_000_000_000, v % 1_000_000_000);
  }

  public static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
