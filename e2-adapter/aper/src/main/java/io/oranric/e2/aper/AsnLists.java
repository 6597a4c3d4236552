package io.oranric.e2.aper;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** SEQUENCE OF encoding and decoding (X.691 20), including fragmented counts, and immutable lists. */
public final class AsnLists {

    private AsnLists() {
    }

    /** Decodes one component. */
    @FunctionalInterface
    public interface ElementDecoder<T> {
        T decode(AperReader r);
    }

    /** Encodes one component. */
    @FunctionalInterface
    public interface ElementEncoder<T> {
        void encode(AperWriter w, T value);
    }

    /**
     * Decodes a SEQUENCE OF with size {@code lb..ub} (ub = Integer.MAX_VALUE when unbounded).
     *
     * @param minBits lower bound of the encoded size of one component, used to refuse impossible counts
     */
    public static <T> List<T> decode(AperReader r, int lb, int ub, boolean extensible, int minBits, ElementDecoder<T> d) {
        int n = r.listLength(lb, ub, extensible, minBits);
        if (!r.moreFragments()) {
            Object[] a = new Object[n];
            for (int i = 0; i < n; i++) {
                try {
                    a[i] = d.decode(r);
                } catch (AperException e) {
                    throw e.withinIndex(i);
                }
            }
            return new ArrayList2<>(a);
        }
        List<Object> acc = new ArrayList<>();
        boolean more;
        do {
            more = r.moreFragments();
            for (int i = 0; i < n; i++) {
                try {
                    acc.add(d.decode(r));
                } catch (AperException e) {
                    throw e.withinIndex(acc.size());
                }
            }
            if (acc.size() > AperReader.MAX_LIST_ELEMENTS) {
                throw AperException.limit(r.bitOffset(), "list exceeds the decoder limit");
            }
            if (more) {
                n = r.nextListFragment(minBits);
            }
        } while (more);
        r.checkListSize(acc.size(), lb, ub, extensible);
        return new ArrayList2<>(acc.toArray());
    }

    /** Encodes a SEQUENCE OF with size {@code lb..ub}. */
    public static <T> void encode(AperWriter w, List<T> list, int lb, int ub, boolean extensible, ElementEncoder<T> e) {
        int n = list.size();
        int block = w.listLength(n, lb, ub, extensible);
        int done = 0;
        while (true) {
            boolean fragment = block < n - done || w.lastBlockWasFragment();
            for (int i = done; i < done + block; i++) {
                T v = list.get(i);
                if (v == null) {
                    throw AperException.invalidValue(w.bitOffset(), "null list component").withinIndex(i);
                }
                try {
                    e.encode(w, v);
                } catch (AperException ex) {
                    throw ex.withinIndex(i);
                }
            }
            done += block;
            if (!fragment || !w.lastBlockWasFragment()) {
                return;
            }
            block = w.nextListFragment(n, done);
        }
    }

    /** An immutable view of {@code list}: returned as is if it already is one, otherwise copied (nulls rejected). */
    public static <T> List<T> immutable(List<T> list) {
        if (list == null || list instanceof ArrayList2) {
            return list;
        }
        return List.copyOf(list);
    }

    /** Immutable list over an array the runtime owns. */
    private static final class ArrayList2<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] a;

        ArrayList2(Object[] a) {
            this.a = a;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) a[index];
        }

        @Override
        public int size() {
            return a.length;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(a, a.length);
        }
    }
}
