package io.oranric.xapp.sdk;

import io.micrometer.core.instrument.MeterRegistry;
import io.oranric.backbone.stream.E2Stream;
import java.time.Clock;

/**
 * What the runtime hands every xApp: the E2 stream (Kafka or direct), the live policy view, the
 * metrics registry, the clock, and the consumer group its instances share.
 */
public record XAppContext(E2Stream e2, PolicyView policies, MeterRegistry metrics, Clock clock, String group) {}
