package io.oranric.testbed.sim.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Measurement name to value, in a stable order; immutable. Names are the constants of {@link Kpm}.
 *
 * <p>Backed by a fixed name layout per report level and an array of values, NaN meaning "no sample this
 * period": a 1000-cell network builds thousands of these per second, and maps per report were its main cost.
 */
public final class Measurements {

    /** Names of one report level and their slots. */
    static final class Layout {
        final String[] names;
        final Map<String, Integer> index = new HashMap<>();

        Layout(List<String> names) {
            this.names = names.toArray(new String[0]);
            for (int i = 0; i < this.names.length; i++) {
                index.put(this.names[i], i);
            }
        }

        double[] blank() {
            double[] v = new double[names.length];
            Arrays.fill(v, Double.NaN);
            return v;
        }

        /** Writes a value into its slot; unknown names are a programming error. */
        void put(double[] values, String name, double value) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalArgumentException("measurement " + name + " is not in this layout");
            }
            values[i] = value;
        }
    }

    static final Layout CELL = new Layout(Kpm.CELL);
    static final Layout COMMON = new Layout(Kpm.COMMON);
    static final Layout NODE = new Layout(Kpm.NODE);

    private final Layout layout;
    private final double[] values;
    private Map<String, Double> map;

    Measurements(Layout layout, double[] values) {
        this.layout = layout;
        this.values = values;
    }

    /** The value, or NaN when the measurement had no sample in the period. */
    public double get(String name) {
        Integer i = layout.index.get(name);
        return i == null ? Double.NaN : values[i];
    }

    public OptionalDouble find(String name) {
        double v = get(name);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean has(String name) {
        return !Double.isNaN(get(name));
    }

    /** Names that have a value this period, in layout order. */
    public Set<String> names() {
        return asMap().keySet();
    }

    /** Name to value for the measurements that have one, in layout order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = map;
        if (m == null) {
            LinkedHashMap<String, Double> lm = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    lm.put(layout.names[i], values[i]);
                }
            }
            m = Collections.unmodifiableMap(lm);
            map = m;
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurements m && m.layout == layout && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
