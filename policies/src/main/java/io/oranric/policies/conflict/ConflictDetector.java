package io.oranric.policies.conflict;

import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the policies a candidate cannot coexist with. Only pairs whose scopes and validity windows
 * overlap are compared; a policy never conflicts with another version of itself (the new version
 * replaces the old one).
 *
 * <p>Indirect conflicts are checked pairwise; the per-cell sum of PRB floors over many policies is a
 * validation rule instead ({@code PolicyValidator}).
 */
public final class ConflictDetector {

    private final NetworkInventory inventory;

    public ConflictDetector(NetworkInventory inventory) {
        this.inventory = Objects.requireNonNull(inventory);
    }

    public List<Conflict> detect(Policy candidate, Collection<Policy> existing) {
        List<Conflict> out = new ArrayList<>();
        for (Policy other : existing) {
            if (other == candidate || samePolicy(candidate, other) || !candidate.validity().overlaps(other.validity())) {
                continue;
            }
            Set<String> cells = sharedCells(candidate.scope(), other.scope());
            if (cells.isEmpty() || !uesOverlap(candidate.scope(), other.scope())) {
                continue;
            }
            if (candidate.type() == other.type()) {
                if (slicesOverlap(candidate.scope(), other.scope())) {
                    direct(candidate, other, cells, out);
                }
            } else {
                List<Conflict> found = new ArrayList<>();
                indirect(candidate, other, cells, found);
                indirect(other, candidate, cells, found);
                for (Conflict c : found) {
                    // the checks are written per ordered pair of types; report from the candidate's side
                    out.add(c.candidate() == candidate ? c
                            : new Conflict(c.kind(), c.parameter(), c.where(), candidate, other, c.description()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean samePolicy(Policy a, Policy b) {
        return a.policyId() != null && a.policyId().equals(b.policyId());
    }

    // ------------------------------------------------------------------ direct

    private void direct(Policy a, Policy b, Set<String> cells, List<Conflict> out) {
        String where = where(cells, a.scope(), b.scope());
        Statement sa = a.statement();
        Statement sb = b.statement();
        if (sa instanceof SliceSla x && sb instanceof SliceSla y) {
            differ("statement.guaranteedDlMbps", x.guaranteedDlMbps(), y.guaranteedDlMbps(), a, b, where, out);
            differ("statement.guaranteedUlMbps", x.guaranteedUlMbps(), y.guaranteedUlMbps(), a, b, where, out);
            differ("statement.maxDlLatencyMs", x.maxDlLatencyMs(), y.maxDlLatencyMs(), a, b, where, out);
            differ("statement.maxPacketLossPct", x.maxPacketLossPct(), y.maxPacketLossPct(), a, b, where, out);
        } else if (sa instanceof PrbQuota x && sb instanceof PrbQuota y) {
            differ("statement.minPrbPct", x.minPrbPct(), y.minPrbPct(), a, b, where, out);
            differ("statement.maxPrbPct", x.maxPrbPct(), y.maxPrbPct(), a, b, where, out);
            differ("statement.dedicatedPrbPct", x.dedicatedPrbPct(), y.dedicatedPrbPct(), a, b, where, out);
            contradict(x, y, a, b, where, out);
            contradict(y, x, b, a, where, out);
        } else if (sa instanceof TxPower x && sb instanceof TxPower y) {
            // an absolute ceiling and a relative change of the same carrier cannot both be applied
            // without an order, so any difference counts
            if (!x.equals(y)) {
                out.add(new Conflict(Conflict.Kind.DIRECT, "statement.maxTxPowerDbm/deltaDb", where, a, b,
                        a.label() + " sets TX power " + power(x) + " but " + b.label() + " sets " + power(y)));
            }
        } else if (sa instanceof Spectrum x && sb instanceof Spectrum y) {
            differ("statement.bandwidthMHz", x.bandwidthMHz(), y.bandwidthMHz(), a, b, where, out);
            differ("statement.arfcnDl", x.arfcnDl(), y.arfcnDl(), a, b, where, out);
            differ("statement.bwpId", x.bwpId(), y.bwpId(), a, b, where, out);
        } else if (sa instanceof EnergySaving x && sb instanceof EnergySaving y) {
            differ("statement.mode", x.mode(), y.mode(), a, b, where, out);
            differ("statement.whenLoadBelowPct", x.whenLoadBelowPct(), y.whenLoadBelowPct(), a, b, where, out);
        } else if (sa instanceof TrafficSteering x && sb instanceof TrafficSteering y) {
            for (String target : x.targetCells()) {
                if (y.targetCells().contains(target) && x.preference() != y.preference()) {
                    out.add(new Conflict(Conflict.Kind.DIRECT, "statement.preference", target + " for " + where, a, b,
                            a.label() + " says " + x.preference() + " " + target + " but " + b.label() + " says "
                                    + y.preference() + " " + target));
                }
            }
        }
    }

    private static void differ(String field, Object va, Object vb, Policy a, Policy b, String where, List<Conflict> out) {
        if (va != null && vb != null && !va.equals(vb)) {
            out.add(new Conflict(Conflict.Kind.DIRECT, field, where, a, b,
                    a.label() + " sets " + field + " = " + Violation.of(field, va, "", "").value() + " but " + b.label()
                            + " sets " + Violation.of(field, vb, "", "").value()));
        }
    }

    /** A floor of one quota above the ceiling of the other is contradictory even though the fields differ. */
    private static void contradict(PrbQuota x, PrbQuota y, Policy a, Policy b, String where, List<Conflict> out) {
        Double floor = x.minPrbPct() != null ? x.minPrbPct() : x.dedicatedPrbPct();
        if (floor != null && y.maxPrbPct() != null && floor > y.maxPrbPct()) {
            out.add(new Conflict(Conflict.Kind.DIRECT, "PRB share", where, a, b,
                    a.label() + " reserves at least " + fmt(floor) + " % but " + b.label() + " caps the slice at "
                            + fmt(y.maxPrbPct()) + " %"));
        }
    }

    // ------------------------------------------------------------------ indirect

    private void indirect(Policy a, Policy b, Set<String> cells, List<Conflict> out) {
        Statement sa = a.statement();
        Statement sb = b.statement();
        if (sa instanceof PrbQuota q && sb instanceof SliceSla sla) {
            quotaVsSla(a, q, b, sla, cells, out);
        } else if (sa instanceof EnergySaving es && sb instanceof TrafficSteering ts
                && es.mode() == EnergySaving.Mode.SLEEP && ts.preference() == TrafficSteering.Preference.PREFER) {
            Set<String> sleeping = inventory.resolveCells(a.scope().cells(), a.scope().nodes());
            for (String target : ts.targetCells()) {
                if (sleeping.contains(target)) {
                    out.add(new Conflict(Conflict.Kind.INDIRECT, "sleep vs PREFER", target, a, b,
                            a.label() + " may put " + target + " to sleep while " + b.label() + " steers traffic to it"));
                }
            }
        } else if (sa instanceof EnergySaving es && sb instanceof TxPower tx
                && es.mode() == EnergySaving.Mode.REDUCE_POWER && tx.deltaDb() != null && tx.deltaDb() > 0) {
            out.add(new Conflict(Conflict.Kind.INDIRECT, "reduce power vs raise power", where(cells, a.scope(), b.scope()), a, b,
                    a.label() + " lowers power to save energy while " + b.label() + " raises it by " + fmt(tx.deltaDb()) + " dB"));
        }
    }

    /**
     * A quota breaks an SLA when, in a shared cell, the PRB share the SLA's throughput needs is more
     * than the quota lets the SLA's slice have: above its own slice's cap, or above what another
     * slice's floor leaves free. A cap of 0 % breaks any SLA of that slice.
     */
    private void quotaVsSla(Policy qp, PrbQuota q, Policy sp, SliceSla sla, Set<String> cells, List<Conflict> out) {
        String quotaSlice = qp.scope().slice();
        String slaSlice = sp.scope().slice();
        if (slaSlice == null || quotaSlice == null) {
            return;
        }
        for (String cell : new TreeSet<>(cells)) {
            CellInfo info = inventory.cells().get(cell);
            if (info == null) {
                continue;
            }
            double need = 0;
            if (sla.guaranteedDlMbps() != null && info.peakDlMbps() > 0) {
                need = Math.max(need, 100.0 * sla.guaranteedDlMbps() / info.peakDlMbps());
            }
            if (sla.guaranteedUlMbps() != null && info.peakUlMbps() > 0) {
                need = Math.max(need, 100.0 * sla.guaranteedUlMbps() / info.peakUlMbps());
            }
            if (quotaSlice.equals(slaSlice)) {
                if (q.maxPrbPct() != null && (q.maxPrbPct() + 1e-9 < need || q.maxPrbPct() == 0)) {
                    out.add(new Conflict(Conflict.Kind.INDIRECT, "PRB cap vs SLA", cell + "/" + slaSlice, qp, sp,
                            qp.label() + " caps " + slaSlice + " at " + fmt(q.maxPrbPct()) + " % of " + cell + " but "
                                    + sp.label() + " needs about " + fmt(Math.ceil(need)) + " % for its throughput target"));
                    return;
                }
            } else {
                Double floor = q.minPrbPct() != null ? q.minPrbPct() : q.dedicatedPrbPct();
                if (floor != null && need > 0 && floor + need > 100 + 1e-9) {
                    out.add(new Conflict(Conflict.Kind.INDIRECT, "PRB floor vs SLA", cell + "/" + slaSlice, qp, sp,
                            qp.label() + " reserves " + fmt(floor) + " % of " + cell + " for " + quotaSlice + ", leaving less than the "
                                    + fmt(Math.ceil(need)) + " % that " + sp.label() + " needs for " + slaSlice));
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ scope overlap

    private Set<String> sharedCells(Scope a, Scope b) {
        Set<String> ca = inventory.resolveCells(a.cells(), a.nodes());
        Set<String> cb = inventory.resolveCells(b.cells(), b.nodes());
        Set<String> shared = new TreeSet<>(ca);
        shared.retainAll(cb);
        if (shared.isEmpty() && a.cells().isEmpty() && a.nodes().isEmpty() && b.cells().isEmpty() && b.nodes().isEmpty()) {
            // both network-wide on an inventory we cannot enumerate: they still overlap
            shared.add("*");
        }
        return shared;
    }

    private static boolean slicesOverlap(Scope a, Scope b) {
        return a.slice() == null || b.slice() == null || a.slice().equals(b.slice());
    }

    private static boolean uesOverlap(Scope a, Scope b) {
        if (a.ues().isEmpty() || b.ues().isEmpty()) {
            return true;
        }
        Set<String> s = new HashSet<>(a.ues());
        s.retainAll(b.ues());
        return !s.isEmpty();
    }

    private static String where(Set<String> cells, Scope a, Scope b) {
        String slice = a.slice() != null ? a.slice() : b.slice();
        String c = cells.size() > 4 ? cells.size() + " cells" : String.join(",", cells);
        return slice == null ? c : c + "/" + slice;
    }

    private static String power(TxPower t) {
        return t.maxTxPowerDbm() != null ? "to " + fmt(t.maxTxPowerDbm()) + " dBm" : "by " + fmt(t.deltaDb()) + " dB";
    }

    private static String fmt(double v) {
        return Violation.of("", v, "", "").value();
    }
}
