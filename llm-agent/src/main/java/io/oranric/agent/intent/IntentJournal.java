package io.oranric.agent.intent;

import io.oranric.contract.v1.IntentRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The intents the agent knows, newest record per intent: {@code ric.intents} (compacted by intent
 * id) in a service, memory in tests and dry runs.
 */
public interface IntentJournal extends AutoCloseable {

    /** Records the intent's new state; returns once it is durable where that means something. */
    void put(IntentRecord record);

    Optional<IntentRecord> get(String intentId);

    /** Every intent, newest first. */
    List<IntentRecord> all();

    /** Called for every record that arrives, including those other processes wrote (approvals from the CLI). */
    default void onChange(Consumer<IntentRecord> listener) {
    }

    /** Whether it keeps anything (a one-shot CLI without Kafka does not). */
    default boolean durable() {
        return true;
    }

    @Override
    default void close() {
    }

    /** In memory only. */
    class Memory implements IntentJournal {
        private final Map<String, IntentRecord> records = new ConcurrentHashMap<>();
        private final List<Consumer<IntentRecord>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final boolean durable;

        public Memory() {
            this(true);
        }

        /** @param durable false for the throw-away journal of a CLI run without Kafka */
        public Memory(boolean durable) {
            this.durable = durable;
        }

        @Override
        public void put(IntentRecord record) {
            records.put(record.getIntentId(), record);
            listeners.forEach(l -> l.accept(record));
        }

        @Override
        public Optional<IntentRecord> get(String intentId) {
            return Optional.ofNullable(records.get(intentId));
        }

        @Override
        public List<IntentRecord> all() {
            List<IntentRecord> all = new ArrayList<>(records.values());
            all.sort(Comparator.comparingLong(IntentRecord::getCreatedNs).reversed());
            return all;
        }

        @Override
        public void onChange(Consumer<IntentRecord> listener) {
            listeners.add(listener);
        }

        @Override
        public boolean durable() {
            return durable;
        }
    }
}
