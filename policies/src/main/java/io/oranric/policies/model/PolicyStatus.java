package io.oranric.policies.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle states. PROPOSED -> ACTIVE -> SUPERSEDED | EXPIRED; PROPOSED -> REJECTED | EXPIRED.
 * The last three are terminal: a rollback writes a new version instead of reviving an old one, so
 * the version history (a compacted log later) only ever grows.
 */
public enum PolicyStatus {
    PROPOSED, ACTIVE, REJECTED, SUPERSEDED, EXPIRED;

    public Set<PolicyStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACTIVE, REJECTED, EXPIRED, SUPERSEDED);
            case ACTIVE -> EnumSet.of(SUPERSEDED, EXPIRED);
            case REJECTED, SUPERSEDED, EXPIRED -> EnumSet.noneOf(PolicyStatus.class);
        };
    }

    public boolean canMoveTo(PolicyStatus target) {
        return next().contains(target);
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }
}
