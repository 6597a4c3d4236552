package io.oranric.e2.protocol.adapter;

import io.oranric.e2.protocol.E2apCodec;
import io.oranric.e2.protocol.E2apVersion;
import java.util.Map;

/** The E2AP codecs of every version we speak. */
public final class E2apCodecs {
  private E2apCodecs() {}

  public static Map<E2apVersion, E2apCodec> all() {
    return Map.of(E2apVersion.V2_03, E2apV0203Codec.INSTANCE, E2apVersion.V3_01, E2apV0301Codec.INSTANCE);
  }

  public static E2apCodec of(E2apVersion v) {
    return all().get(v);
  }
}
