package io.oranric.policies.store;

/** A store operation that could not be carried out; {@link #kind()} says why, for mapping to HTTP. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No policy with that id. */
        NOT_FOUND,
        /** The id is taken (create only). */
        ALREADY_EXISTS,
        /** The lifecycle does not allow it now (activating a REJECTED version, rolling back without history). */
        ILLEGAL_STATE,
        /** The store has not finished rebuilding from the topic, or is closed. */
        NOT_READY,
        /** A follower (read-only) instance was asked to write. */
        READ_ONLY,
        /** Kafka did not take the change; nothing was applied. */
        UNAVAILABLE
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
