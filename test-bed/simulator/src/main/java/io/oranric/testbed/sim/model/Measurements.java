package io.oranric.testbed.sim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Measurement name to value, in a stable order; immutable. Names are the constants of {@link Kpm}. */
public final class Measurements {

    private final Map<String, Double> values;

    Measurements(LinkedHashMap<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value, or NaN when the measurement had no sample in the period. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    public OptionalDouble find(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurements m && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
