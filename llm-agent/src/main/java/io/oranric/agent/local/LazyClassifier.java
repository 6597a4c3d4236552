package io.oranric.agent.local;

import java.util.List;
import java.util.function.Supplier;

/** Builds the real classifier on first use, once, even when several threads translate at the same time. */
final class LazyClassifier implements IntentClassifier {

    private final Supplier<? extends IntentClassifier> factory;
    private volatile IntentClassifier delegate;

    LazyClassifier(Supplier<? extends IntentClassifier> factory) {
        this.factory = factory;
    }

    @Override
    public List<Scored> rank(String text) {
        IntentClassifier d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = factory.get();
                    delegate = d;
                }
            }
        }
        return d.rank(text);
    }
}
