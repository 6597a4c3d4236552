package io.oranric.agent.audit;

import io.oranric.contract.v1.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/** Where the agent's audit events go: {@code ric.audit}, or memory in tests and dry runs. */
public interface AuditSink extends AutoCloseable {

    /** Drops everything: a dry run from the command line has no audit trail to write to. */
    AuditSink NONE = e -> { };

    /** Records one event; never throws (an audit write failing must not fail the intent, it is logged). */
    void emit(AuditEvent event);

    /** Waits until what was emitted is durable, where that means something. */
    default void flush() {
    }

    @Override
    default void close() {
    }

    /** Keeps every event in memory, in order. */
    final class Memory implements AuditSink {
        private final List<AuditEvent> events = new ArrayList<>();

        @Override
        public synchronized void emit(AuditEvent event) {
            events.add(event);
        }

        public synchronized List<AuditEvent> events() {
            return List.copyOf(events);
        }
    }
}
