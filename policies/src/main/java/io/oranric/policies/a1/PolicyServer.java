package io.oranric.policies.a1;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.PolicyValidator;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The policy service standalone: the writing {@link PolicyStore} behind its {@link A1Server}. The
 * interface listens only once the store has rebuilt itself from the topic, so a client never sees
 * half a store.
 */
public final class PolicyServer implements AutoCloseable {

    private final Vertx vertx;
    private final PolicyStore store;
    private final A1Server a1;
    private final String host;

    private PolicyServer(Vertx vertx, PolicyStore store, A1Server a1, String host) {
        this.vertx = vertx;
        this.store = store;
        this.a1 = a1;
        this.host = host;
    }

    public static PolicyServer start(KafkaSettings settings, PolicyValidator validator, PolicyStore.Options options,
                                     String host, int port, Duration timeout) {
        PolicyStore store = PolicyStore.open(settings, validator, options);
        Vertx vertx = null;
        try {
            store.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            vertx = Vertx.vertx();
            A1Server a1 = A1Server.start(vertx, store, host, port).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new PolicyServer(vertx, store, a1, host);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            close(vertx, store);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("policy service did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(vertx, store);
            throw new IllegalStateException("interrupted while starting the policy service", e);
        }
    }

    public PolicyStore store() {
        return store;
    }

    public int port() {
        return a1.port();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port();
    }

    @Override
    public void close() {
        close(vertx, store);
    }

    private static void close(Vertx vertx, PolicyStore store) {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closing anyway: the store below still has to go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }
}
