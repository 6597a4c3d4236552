package io.oranric.agent.intent;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.IntentRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code ric.intents} as the agent's memory of intents: replayed on start, then followed, so a
 * restarted agent (or a CLI that approves an intent) sees what any agent recorded. A write waits for
 * the broker's acknowledgement and is visible to {@link #get} at once.
 */
public final class KafkaIntentJournal implements IntentJournal {

    private final RicProducer producer;
    private final boolean ownsProducer;
    private final TopicConsumer<IntentRecord> follower;
    private final Map<String, IntentRecord> records = new ConcurrentHashMap<>();
    private final List<Consumer<IntentRecord>> listeners = new CopyOnWriteArrayList<>();
    private final Duration writeTimeout;

    private KafkaIntentJournal(KafkaSettings settings, RicProducer producer, boolean ownsProducer, Duration writeTimeout) {
        this.producer = producer;
        this.ownsProducer = ownsProducer;
        this.writeTimeout = writeTimeout;
        this.follower = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_INTENTS), batch -> {
            for (ConsumerRecord<String, IntentRecord> r : batch) {
                if (r.value() == null) {
                    records.remove(r.key());
                } else {
                    apply(r.value());
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Opens the journal and waits until the topic is replayed. */
    public static KafkaIntentJournal open(KafkaSettings settings, RicProducer producer, boolean ownsProducer, Duration replayTimeout) {
        KafkaIntentJournal j = new KafkaIntentJournal(settings, producer, ownsProducer, Duration.ofSeconds(15));
        try {
            j.follower.caughtUp().get(replayTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            j.close();
            throw new IllegalStateException("could not replay " + RicTopic.RIC_INTENTS.topicName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            j.close();
            throw new IllegalStateException("interrupted", e);
        }
        return j;
    }

    /** A newer record wins; an older one arriving late (our own echo) changes nothing. */
    private void apply(IntentRecord r) {
        IntentRecord[] applied = new IntentRecord[1];
        records.compute(r.getIntentId(), (k, old) -> {
            if (old != null && old.getUpdatedNs() > r.getUpdatedNs()) {
                return old;
            }
            applied[0] = r;
            return r;
        });
        if (applied[0] != null) {
            listeners.forEach(l -> l.accept(applied[0]));
        }
    }

    @Override
    public void put(IntentRecord record) {
        try {
            producer.send(RicTopic.RIC_INTENTS, record.getIntentId(), record).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not record intent " + record.getIntentId() + " on "
                    + RicTopic.RIC_INTENTS.topicName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        apply(record);
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
    public void close() {
        follower.close();
        if (ownsProducer) {
            producer.close();
        }
    }
}
