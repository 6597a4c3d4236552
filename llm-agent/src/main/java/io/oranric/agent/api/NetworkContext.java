package io.oranric.agent.api;

import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a translation may look at: the network inventory and its time zone, the safety envelope,
 * the policies already in force (for cross-policy rules) and a clock (for "tonight", "for 2 hours").
 *
 * @param night what "at night" means when the operator gives no hours
 */
public record NetworkContext(NetworkInventory inventory, SafetyEnvelope envelope, List<Policy> inForce, Clock clock,
                             DailyWindow night) {

    /** Cells of the lab inventory used when nothing else is configured (cell-1 .. cell-12). */
    public static final int DEFAULT_LAB_CELLS = 12;
    public static final DailyWindow DEFAULT_NIGHT = DailyWindow.of("22:00", "06:00");

    public NetworkContext {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(envelope, "envelope");
        inForce = List.copyOf(inForce);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(night, "night");
    }

    public static NetworkContext lab() {
        return lab(DEFAULT_LAB_CELLS, ZoneId.systemDefault(), Clock.systemUTC());
    }

    public static NetworkContext lab(int cells, ZoneId zone, Clock clock) {
        return new NetworkContext(NetworkInventory.lab(cells, zone), SafetyEnvelope.labDefaults(), List.of(), clock, DEFAULT_NIGHT);
    }

    public NetworkContext withInForce(List<Policy> policies) {
        return new NetworkContext(inventory, envelope, policies, clock, night);
    }

    public ZoneId zone() {
        return inventory.zone();
    }

    public PolicyValidator validator() {
        return new PolicyValidator(envelope, inventory);
    }
}
