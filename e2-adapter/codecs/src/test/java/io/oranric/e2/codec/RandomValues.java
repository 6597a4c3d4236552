package io.oranric.e2.codec;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.CharAlphabet;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnNull;
import io.oranric.e2.aper.meta.AsnType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid values of any generated type, driven by the type descriptors: constraints are respected
 * (with a share of values in the extension ranges of extensible constraints), optional components and
 * extension additions come and go, lists stay short, and recursion is cut off by preferring the shallowest
 * alternatives below a depth limit. REAL values are never 0 (the oracle cannot decode a REAL zero).
 */
final class RandomValues {

    private final Random rnd;
    private final int maxList;
    private final int maxDepth;
    private final Map<AsnType, Integer> minDepth = new IdentityHashMap<>();

    RandomValues(long seed) {
        this(new Random(seed), 3, 6);
    }

    RandomValues(Random rnd, int maxList, int maxDepth) {
        this.rnd = rnd;
        this.maxList = maxList;
        this.maxDepth = maxDepth;
    }

    Object value(AsnType t) {
        return value(t, 0, -1, -1);
    }

    /**
     * A value of {@code t} whose outermost CHOICE (found through mandatory SEQUENCE components) takes
     * alternative {@code alt}; for a table type at that place, row {@code row}.
     */
    Object value(AsnType t, int alt, int row) {
        return value(t, 0, alt, row);
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private Object value(AsnType t, int depth, int forceAlt, int forceRow) {
        boolean deep = depth >= maxDepth;
        if (t instanceof AsnType.SequenceType st) {
            List<AsnType.Component> comps = st.components();
            Object[] a = new Object[comps.size() + (st.extensible() ? 1 : 0)];
            boolean forced = false;
            // extension groups: decide presence per group
            Map<Integer, Boolean> groupPresent = new java.util.HashMap<>();
            for (int i = 0; i < comps.size(); i++) {
                AsnType.Component c = comps.get(i);
                boolean present;
                if (c.isExtension()) {
                    boolean g = groupPresent.computeIfAbsent(c.extensionGroup(), k -> !deep && chance(50));
                    present = g && (c.presence() == AsnType.Presence.MANDATORY || chance(60));
                } else {
                    present = c.presence() == AsnType.Presence.MANDATORY || (!deep && chance(50));
                }
                if (present) {
                    boolean passForce = !forced && forceAlt >= 0 && c.presence() == AsnType.Presence.MANDATORY
                            && !c.isExtension() && leadsToChoice(c.resolvedType());
                    a[i] = value(c.resolvedType(), depth + 1, passForce ? forceAlt : -1, passForce ? forceRow : -1);
                    forced |= passForce;
                }
            }
            // a present extension group must not consist of absent components only
            for (int i = 0; i < comps.size(); i++) {
                AsnType.Component c = comps.get(i);
                if (c.isExtension() && Boolean.TRUE.equals(groupPresent.get(c.extensionGroup()))) {
                    boolean any = false;
                    for (int j = 0; j < comps.size(); j++) {
                        any |= comps.get(j).extensionGroup() == c.extensionGroup() && a[j] != null;
                    }
                    if (!any) {
                        a[i] = value(c.resolvedType(), depth + 1, -1, -1);
                    }
                }
            }
            return st.construct(a);
        }
        if (t instanceof AsnType.ChoiceType ct) {
            List<AsnType.Alternative> alts = ct.alternatives();
            int i;
            if (forceAlt >= 0) {
                i = forceAlt;
            } else if (deep) {
                i = shallowest(alts);
            } else {
                i = rnd.nextInt(alts.size());
            }
            AsnType.Alternative alt = alts.get(i);
            boolean passRow = forceAlt >= 0 && forceRow >= 0;
            Object v = value(alt.resolvedType(), depth + 1, passRow ? -2 : -1, passRow ? forceRow : -1);
            return alt.make().apply(v);
        }
        if (t instanceof AsnType.TableType tt) {
            List<AsnType.TableRow> rows = tt.rows();
            AsnType.TableRow row = rows.get(forceRow >= 0 ? forceRow : rnd.nextInt(rows.size()));
            Object[] a = new Object[tt.fields().size()];
            for (int i = 0; i < a.length; i++) {
                AsnType.TableField f = tt.fields().get(i);
                switch (f.role()) {
                    case KEY -> a[i] = row.key();
                    case VALUE -> a[i] = chance(80) ? row.fixedValues().get(i) : value(f.type().get(), depth + 1, -1, -1);
                    case OPEN -> a[i] = value(row.openType(i), depth + 1, -1, -1);
                }
            }
            return row.make().apply(a);
        }
        if (t instanceof AsnType.SequenceOfType so) {
            AsnType.Size s = so.size();
            int lb = s.lb();
            int ub = s.hasUpperBound() ? s.ub() : Integer.MAX_VALUE;
            int n;
            if (deep) {
                n = lb;
            } else if (s.extensible() && chance(10)) {
                n = ub < Integer.MAX_VALUE && ub + 1 <= lb + maxList + 2 ? ub + 1 + rnd.nextInt(2) : lb + rnd.nextInt(maxList + 1);
            } else {
                n = lb + rnd.nextInt((int) Math.min((long) ub - lb, maxList) + 1);
            }
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                l.add(value(so.element(), depth + 1, -1, -1));
            }
            return l;
        }
        if (t instanceof AsnType.EnumeratedType et) {
            return et.values().get(rnd.nextInt(et.values().size()));
        }
        if (t instanceof AsnType.IntegerType it) {
            return integer(it);
        }
        if (t instanceof AsnType.BooleanType) {
            return rnd.nextBoolean();
        }
        if (t instanceof AsnType.NullType) {
            return AsnNull.INSTANCE;
        }
        if (t instanceof AsnType.RealType) {
            return real();
        }
        if (t instanceof AsnType.OctetStringType ot) {
            byte[] b = new byte[size(ot.size(), 8)];
            rnd.nextBytes(b);
            return OctetString.wrap(b);
        }
        if (t instanceof AsnType.OpenType) {
            byte[] b = new byte[1 + rnd.nextInt(6)];
            rnd.nextBytes(b);
            return OctetString.wrap(b);
        }
        if (t instanceof AsnType.BitStringType bt) {
            int n = size(bt.size(), 40);
            byte[] b = new byte[(n + 7) / 8];
            rnd.nextBytes(b);
            return BitString.of(b, n);
        }
        if (t instanceof AsnType.CharStringType cs) {
            int n = size(cs.size(), 12);
            StringBuilder sb = new StringBuilder();
            CharAlphabet a = cs.alphabet() == null ? CharAlphabet.VISIBLE : cs.alphabet();
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(a.charAt(rnd.nextInt(a.size())));
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("no random values for " + t);
    }

    private boolean leadsToChoice(AsnType t) {
        return t instanceof AsnType.ChoiceType || t instanceof AsnType.SequenceType st
                && st.components().stream().anyMatch(c -> c.presence() == AsnType.Presence.MANDATORY && !c.isExtension()
                && leadsToChoice(c.resolvedType()));
    }

    private int size(AsnType.Size s, int unconstrainedMax) {
        int lb = s.lb();
        long ub = s.hasUpperBound() ? s.ub() : lb + unconstrainedMax;
        if (s.extensible() && chance(10)) {
            return (int) Math.min(ub + 1 + rnd.nextInt(3), ub + 1 + 3);
        }
        long span = Math.min(ub - lb, unconstrainedMax);
        // boundaries are interesting
        int pick = rnd.nextInt(10);
        if (pick == 0) {
            return lb;
        }
        if (pick == 1 && span == ub - lb) {
            return (int) ub;
        }
        return (int) (lb + (span <= 0 ? 0 : rnd.nextLong(span + 1)));
    }

    private long integer(AsnType.IntegerType it) {
        if (it.extensible() && chance(10)) {
            // a value outside the root
            if (it.hasUb() && it.ub() < Long.MAX_VALUE - 100000) {
                return it.ub() + 1 + rnd.nextInt(100000);
            }
            if (it.hasLb()) {
                return it.lb() - 1 - rnd.nextInt(1000);
            }
        }
        if (it.hasLb() && it.hasUb()) {
            long lb = it.lb();
            long ub = it.ub();
            int pick = rnd.nextInt(8);
            if (pick == 0) {
                return lb;
            }
            if (pick == 1) {
                return ub;
            }
            long span = ub - lb;
            if (pick == 2 && span > 300) {
                // small offsets exercise the short encodings of wide ranges
                return lb + rnd.nextInt(300);
            }
            return lb + (span == Long.MAX_VALUE ? rnd.nextLong() & Long.MAX_VALUE : rnd.nextLong(span + 1));
        }
        if (it.hasLb()) {
            int pick = rnd.nextInt(4);
            return switch (pick) {
                case 0 -> it.lb();
                case 1 -> it.lb() + rnd.nextInt(256);
                case 2 -> it.lb() + rnd.nextInt(Integer.MAX_VALUE);
                default -> it.lb() + (rnd.nextLong() >>> (1 + rnd.nextInt(62))) ;
            };
        }
        int pick = rnd.nextInt(5);
        return switch (pick) {
            case 0 -> rnd.nextInt(256) - 128;
            case 1 -> rnd.nextInt();
            case 2 -> rnd.nextLong();
            case 3 -> -(rnd.nextLong() >>> rnd.nextInt(63)) - 1;
            default -> rnd.nextLong() >>> rnd.nextInt(63);
        };
    }

    private double real() {
        double v;
        do {
            switch (rnd.nextInt(4)) {
                case 0 -> v = rnd.nextInt(2001) - 1000;
                case 1 -> v = (rnd.nextDouble() - 0.5) * 1e6;
                case 2 -> v = rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
                default -> v = Double.longBitsToDouble(rnd.nextLong());
            }
        } while (v == 0.0 || Double.isNaN(v) || Double.isInfinite(v));
        return v;
    }

    /** Index of the alternative that ends recursion soonest. */
    private int shallowest(List<AsnType.Alternative> alts) {
        int best = 0;
        int bestDepth = Integer.MAX_VALUE;
        for (int i = 0; i < alts.size(); i++) {
            int d = minDepth(alts.get(i).resolvedType());
            if (d < bestDepth) {
                best = i;
                bestDepth = d;
            }
        }
        return best;
    }

    private int minDepth(AsnType t) {
        Integer m = minDepth.get(t);
        if (m != null) {
            return m;
        }
        minDepth.put(t, 1000); // in progress: treat as deep
        int d = 0;
        if (t instanceof AsnType.SequenceType st) {
            for (AsnType.Component c : st.components()) {
                if (c.presence() == AsnType.Presence.MANDATORY && !c.isExtension()) {
                    d = Math.max(d, 1 + minDepth(c.resolvedType()));
                }
            }
        } else if (t instanceof AsnType.ChoiceType ct) {
            d = 1000;
            for (AsnType.Alternative a : ct.alternatives()) {
                d = Math.min(d, 1 + minDepth(a.resolvedType()));
            }
        } else if (t instanceof AsnType.SequenceOfType so) {
            d = so.size().lb() == 0 ? 0 : 1 + minDepth(so.element());
        }
        minDepth.put(t, d);
        return d;
    }
}
