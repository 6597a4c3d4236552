package io.oranric.policies.validation;

import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks one policy against the safety envelope and the network inventory, and the rules that span
 * policies (per-cell PRB floors, coverage under energy saving) against the policies already in force.
 * Pure: the same inputs give the same violations, in a stable order.
 */
public final class PolicyValidator {

    /** NR-ARFCN is 0..3279165 (TS 38.104); BWP-Id is 0..4 (TS 38.331 maxNrofBWPs). */
    static final long MAX_NR_ARFCN = 3_279_165L;
    static final int MAX_BWP_ID = 4;

    private final SafetyEnvelope envelope;
    private final NetworkInventory inventory;

    public PolicyValidator(SafetyEnvelope envelope, NetworkInventory inventory) {
        this.envelope = Objects.requireNonNull(envelope);
        this.inventory = Objects.requireNonNull(inventory);
    }

    public SafetyEnvelope envelope() {
        return envelope;
    }

    public NetworkInventory inventory() {
        return inventory;
    }

    /** Rules that concern the policy alone. */
    public List<Violation> validate(Policy candidate) {
        return validate(candidate, List.of());
    }

    /**
     * @param inForce policies that will apply alongside the candidate (ACTIVE ones, and the other
     *                proposals of the same intent); entries with the candidate's policyId are ignored
     *                since the candidate replaces them
     */
    public List<Violation> validate(Policy candidate, Collection<Policy> inForce) {
        List<Violation> out = new ArrayList<>();
        List<Policy> others = inForce.stream()
                .filter(p -> p != candidate)
                .filter(p -> candidate.policyId() == null || !candidate.policyId().equals(p.policyId()))
                .filter(p -> p.validity().overlaps(candidate.validity()))
                .toList();
        checkScope(candidate, out);
        checkPriority(candidate, out);
        checkValidity(candidate.validity(), out);
        Statement s = candidate.statement();
        if (s instanceof SliceSla sla) {
            checkSla(candidate, sla, out);
        } else if (s instanceof PrbQuota q) {
            checkPrbQuota(candidate, q, others, out);
        } else if (s instanceof TxPower t) {
            checkTxPower(candidate, t, out);
        } else if (s instanceof Spectrum sp) {
            checkSpectrum(sp, out);
        } else if (s instanceof EnergySaving e) {
            checkEnergySaving(candidate, e, others, out);
        } else if (s instanceof TrafficSteering ts) {
            checkSteering(ts, out);
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ scope, priority, validity

    private void checkScope(Policy p, List<Violation> out) {
        Scope scope = p.scope();
        for (int i = 0; i < scope.cells().size(); i++) {
            String cell = scope.cells().get(i);
            if (!inventory.hasCell(cell)) {
                out.add(Violation.of("scope.cells[" + i + "]", cell, "known cells " + range(inventory.cellNames()),
                        "scope.cells[" + i + "] = " + cell + " is not a cell of this network (known cells "
                                + range(inventory.cellNames()) + ")"));
            }
        }
        for (int i = 0; i < scope.nodes().size(); i++) {
            String node = scope.nodes().get(i);
            if (!inventory.nodes().contains(node)) {
                List<String> known = new ArrayList<>(inventory.nodes());
                known.sort(NetworkInventory::compareNames);
                out.add(Violation.of("scope.nodes[" + i + "]", node, "known nodes " + range(known),
                        "scope.nodes[" + i + "] = " + node + " is not an E2 node of this network (known nodes " + range(known) + ")"));
            }
        }
        if (!scope.cells().isEmpty() && !scope.nodes().isEmpty()) {
            for (String cell : scope.cells()) {
                CellInfo info = inventory.cells().get(cell);
                if (info != null && !scope.nodes().contains(info.node())) {
                    out.add(Violation.of("scope.cells", cell, "cells of nodes " + scope.nodes(),
                            "scope.cells names " + cell + ", which is served by " + info.node() + ", not by scope.nodes " + scope.nodes()));
                }
            }
        }
        if (scope.slice() != null && !inventory.slices().contains(scope.slice())) {
            out.add(Violation.of("scope.slice", scope.slice(), "known slices " + new TreeSet<>(inventory.slices()),
                    "scope.slice = " + scope.slice() + " is not a slice of this network (known slices "
                            + String.join(", ", new TreeSet<>(inventory.slices())) + ")"));
        }
        PolicyType type = p.type();
        if (type.isCellLevel() && scope.slice() != null) {
            out.add(Violation.of("scope.slice", scope.slice(), "no slice for " + type.wireName(),
                    type.wireName() + " acts on whole cells; scope.slice = " + scope.slice() + " cannot be honoured"));
        }
        if ((type == PolicyType.SLICE_SLA || type == PolicyType.PRB_QUOTA) && scope.slice() == null) {
            out.add(Violation.of("scope.slice", null, "required for " + type.wireName(),
                    type.wireName() + " needs scope.slice: it sets targets for one slice"));
        }
    }

    private void checkPriority(Policy p, List<Violation> out) {
        if (p.priority() < envelope.minPriority() || p.priority() > envelope.maxPriority()) {
            out.add(Violation.of("priority", p.priority(), envelope.minPriority() + ".." + envelope.maxPriority(),
                    "priority = " + p.priority() + " is outside " + envelope.minPriority() + ".." + envelope.maxPriority()));
        }
    }

    private static void checkValidity(Validity v, List<Violation> out) {
        if (v.from() != null && v.until() != null && !v.until().isAfter(v.from())) {
            out.add(Violation.of("validity.until", v.until(), "after validity.from " + v.from(),
                    "validity.until = " + v.until() + " is not after validity.from = " + v.from()));
        }
    }

    // ------------------------------------------------------------------ statements

    private void checkSla(Policy p, SliceSla sla, List<Violation> out) {
        Set<String> cells = cellsOf(p.scope());
        checkThroughput("statement.guaranteedDlMbps", sla.guaranteedDlMbps(), cells, true, out);
        checkThroughput("statement.guaranteedUlMbps", sla.guaranteedUlMbps(), cells, false, out);
        if (sla.maxDlLatencyMs() != null) {
            double v = sla.maxDlLatencyMs();
            if (v <= 0 || v > envelope.maxLatencyMs()) {
                out.add(Violation.of("statement.maxDlLatencyMs", v, "> 0 and <= " + fmt(envelope.maxLatencyMs()) + " ms",
                        "statement.maxDlLatencyMs = " + fmt(v) + " ms is outside (0, " + fmt(envelope.maxLatencyMs()) + "] ms"));
            }
        }
        if (sla.maxPacketLossPct() != null) {
            double v = sla.maxPacketLossPct();
            if (v < 0 || v > envelope.maxPacketLossPct()) {
                out.add(Violation.of("statement.maxPacketLossPct", v, "0.." + fmt(envelope.maxPacketLossPct()) + " %",
                        "statement.maxPacketLossPct = " + fmt(v) + " % is outside 0.." + fmt(envelope.maxPacketLossPct()) + " %"));
            }
        }
    }

    private void checkThroughput(String field, Double value, Set<String> cells, boolean downlink, List<Violation> out) {
        if (value == null) {
            return;
        }
        if (value <= 0) {
            out.add(Violation.of(field, value, "> 0 Mbps", field + " = " + fmt(value) + " Mbps must be positive"));
            return;
        }
        for (String cell : cells) {
            CellInfo info = inventory.cells().get(cell);
            if (info == null) {
                continue;
            }
            double peak = downlink ? info.peakDlMbps() : info.peakUlMbps();
            if (value > peak) {
                out.add(Violation.of(field, value, "<= " + fmt(peak) + " Mbps (peak of " + cell + ")",
                        field + " = " + fmt(value) + " Mbps exceeds the " + (downlink ? "downlink" : "uplink")
                                + " capacity of " + cell + " (" + fmt(peak) + " Mbps)"));
                return;
            }
        }
    }

    private void checkPrbQuota(Policy p, PrbQuota q, List<Policy> others, List<Violation> out) {
        share("statement.minPrbPct", q.minPrbPct(), out);
        share("statement.maxPrbPct", q.maxPrbPct(), out);
        share("statement.dedicatedPrbPct", q.dedicatedPrbPct(), out);
        if (q.dedicatedPrbPct() != null && q.minPrbPct() != null && q.dedicatedPrbPct() > q.minPrbPct()) {
            out.add(Violation.of("statement.dedicatedPrbPct", q.dedicatedPrbPct(), "<= minPrbPct " + fmt(q.minPrbPct()),
                    "statement.dedicatedPrbPct = " + fmt(q.dedicatedPrbPct()) + " % is above minPrbPct = " + fmt(q.minPrbPct()) + " %"));
        }
        if (q.minPrbPct() != null && q.maxPrbPct() != null && q.minPrbPct() > q.maxPrbPct()) {
            out.add(Violation.of("statement.minPrbPct", q.minPrbPct(), "<= maxPrbPct " + fmt(q.maxPrbPct()),
                    "statement.minPrbPct = " + fmt(q.minPrbPct()) + " % is above maxPrbPct = " + fmt(q.maxPrbPct()) + " %"));
        }
        if (q.dedicatedPrbPct() != null && q.minPrbPct() == null && q.maxPrbPct() != null
                && q.dedicatedPrbPct() > q.maxPrbPct()) {
            out.add(Violation.of("statement.dedicatedPrbPct", q.dedicatedPrbPct(), "<= maxPrbPct " + fmt(q.maxPrbPct()),
                    "statement.dedicatedPrbPct = " + fmt(q.dedicatedPrbPct()) + " % is above maxPrbPct = " + fmt(q.maxPrbPct()) + " %"));
        }
        if (p.scope().slice() == null || floor(q) == null) {
            return;
        }
        // Per cell, the floors of all slices must fit in the cell: a slice's floor is the largest
        // minimum (or dedicated share) any policy in force gives it there.
        for (String cell : cellsOf(p.scope())) {
            Map<String, Double> floors = new LinkedHashMap<>();
            for (Policy o : others) {
                if (o.statement() instanceof PrbQuota oq && o.scope().slice() != null && floor(oq) != null
                        && !o.scope().slice().equals(p.scope().slice()) && cellsOf(o.scope()).contains(cell)) {
                    floors.merge(o.scope().slice(), floor(oq), Math::max);
                }
            }
            double sum = floor(q) + floors.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > envelope.maxCellMinPrbSumPct() + 1e-9) {
                String detail = floors.entrySet().stream().map(e -> e.getKey() + " " + fmt(e.getValue()) + " %")
                        .collect(Collectors.joining(", "));
                out.add(Violation.of("statement.minPrbPct", floor(q), "sum over slices in " + cell + " <= "
                                + fmt(envelope.maxCellMinPrbSumPct()) + " %",
                        "statement.minPrbPct = " + fmt(floor(q)) + " % for " + p.scope().slice() + " in " + cell
                                + " brings the sum of minimum PRB shares to " + fmt(sum) + " % (with " + detail
                                + "), above " + fmt(envelope.maxCellMinPrbSumPct()) + " %"));
            }
        }
    }

    /** The share a quota reserves: its minimum, or its dedicated share when no minimum is given. */
    static Double floor(PrbQuota q) {
        return q.minPrbPct() != null ? q.minPrbPct() : q.dedicatedPrbPct();
    }

    private void share(String field, Double v, List<Violation> out) {
        if (v != null && (v < envelope.minPrbPct() || v > envelope.maxPrbPct())) {
            out.add(Violation.of(field, v, fmt(envelope.minPrbPct()) + ".." + fmt(envelope.maxPrbPct()) + " %",
                    field + " = " + fmt(v) + " % is outside " + fmt(envelope.minPrbPct()) + ".." + fmt(envelope.maxPrbPct()) + " %"));
        }
    }

    private void checkTxPower(Policy p, TxPower t, List<Violation> out) {
        String bounds = fmt(envelope.minTxPowerDbm()) + ".." + fmt(envelope.maxTxPowerDbm()) + " dBm";
        if (t.maxTxPowerDbm() != null) {
            double v = t.maxTxPowerDbm();
            if (v < envelope.minTxPowerDbm() || v > envelope.maxTxPowerDbm()) {
                String side = v > envelope.maxTxPowerDbm() ? "above the maximum of " + fmt(envelope.maxTxPowerDbm())
                        : "below the minimum of " + fmt(envelope.minTxPowerDbm());
                out.add(Violation.of("statement.maxTxPowerDbm", v, bounds,
                        "statement.maxTxPowerDbm = " + fmt(v) + " dBm is " + side + " dBm (allowed " + bounds + ")"));
            } else {
                for (String cell : cellsOf(p.scope())) {
                    CellInfo info = inventory.cells().get(cell);
                    if (info != null && info.txPowerDbm() != null
                            && Math.abs(v - info.txPowerDbm()) > envelope.maxTxPowerStepDb() + 1e-9) {
                        out.add(Violation.of("statement.maxTxPowerDbm", v, "within " + fmt(envelope.maxTxPowerStepDb())
                                        + " dB of the configured " + fmt(info.txPowerDbm()) + " dBm of " + cell,
                                "statement.maxTxPowerDbm = " + fmt(v) + " dBm changes " + cell + " by "
                                        + fmt(Math.abs(v - info.txPowerDbm())) + " dB from " + fmt(info.txPowerDbm())
                                        + " dBm; one change may be at most " + fmt(envelope.maxTxPowerStepDb()) + " dB"));
                        break;
                    }
                }
            }
        }
        if (t.deltaDb() != null) {
            double d = t.deltaDb();
            if (Math.abs(d) > envelope.maxTxPowerStepDb() + 1e-9) {
                out.add(Violation.of("statement.deltaDb", d, "-" + fmt(envelope.maxTxPowerStepDb()) + ".." + fmt(envelope.maxTxPowerStepDb()) + " dB",
                        "statement.deltaDb = " + fmt(d) + " dB is a larger change than the " + fmt(envelope.maxTxPowerStepDb())
                                + " dB allowed in one step"));
            } else {
                for (String cell : cellsOf(p.scope())) {
                    CellInfo info = inventory.cells().get(cell);
                    if (info != null && info.txPowerDbm() != null) {
                        double result = info.txPowerDbm() + d;
                        if (result < envelope.minTxPowerDbm() - 1e-9 || result > envelope.maxTxPowerDbm() + 1e-9) {
                            out.add(Violation.of("statement.deltaDb", d, bounds + " after the change",
                                    "statement.deltaDb = " + fmt(d) + " dB would take " + cell + " from " + fmt(info.txPowerDbm())
                                            + " to " + fmt(result) + " dBm, outside " + bounds));
                            break;
                        }
                    }
                }
            }
        }
    }

    private void checkSpectrum(Spectrum s, List<Violation> out) {
        if (s.bandwidthMHz() != null && !envelope.allowedBandwidthsMHz().contains(s.bandwidthMHz())) {
            String allowed = envelope.allowedBandwidthsMHz().stream().map(PolicyValidator::fmt).collect(Collectors.joining(", "));
            out.add(Violation.of("statement.bandwidthMHz", s.bandwidthMHz(), "one of " + allowed + " MHz",
                    "statement.bandwidthMHz = " + fmt(s.bandwidthMHz()) + " MHz is not an allowed channel bandwidth (one of "
                            + allowed + " MHz)"));
        }
        if (s.arfcnDl() != null && (s.arfcnDl() < 0 || s.arfcnDl() > MAX_NR_ARFCN)) {
            out.add(Violation.of("statement.arfcnDl", s.arfcnDl(), "0.." + MAX_NR_ARFCN,
                    "statement.arfcnDl = " + s.arfcnDl() + " is outside the NR-ARFCN range 0.." + MAX_NR_ARFCN));
        }
        if (s.bwpId() != null && (s.bwpId() < 0 || s.bwpId() > MAX_BWP_ID)) {
            out.add(Violation.of("statement.bwpId", s.bwpId(), "0.." + MAX_BWP_ID,
                    "statement.bwpId = " + s.bwpId() + " is outside 0.." + MAX_BWP_ID));
        }
    }

    private void checkEnergySaving(Policy p, EnergySaving e, List<Policy> others, List<Violation> out) {
        if (e.whenLoadBelowPct() != null && (e.whenLoadBelowPct() < 0 || e.whenLoadBelowPct() > 100)) {
            out.add(Violation.of("statement.whenLoadBelowPct", e.whenLoadBelowPct(), "0..100 %",
                    "statement.whenLoadBelowPct = " + fmt(e.whenLoadBelowPct()) + " % is outside 0..100 %"));
        }
        if (e.mode() != EnergySaving.Mode.SLEEP || envelope.allowCoverageLoss() || !sleepsStatically(p, e)) {
            return;
        }
        Set<String> sleeping = new TreeSet<>(cellsOf(p.scope()));
        for (Policy o : others) {
            if (o.statement() instanceof EnergySaving oe && oe.mode() == EnergySaving.Mode.SLEEP && sleepsStatically(o, oe)) {
                sleeping.addAll(cellsOf(o.scope()));
            }
        }
        Set<String> mine = cellsOf(p.scope());
        List<String> dark = new ArrayList<>();
        for (var area : inventory.coverageAreas().entrySet()) {
            Set<String> cellsOfArea = area.getValue();
            if (!cellsOfArea.isEmpty() && sleeping.containsAll(cellsOfArea) && cellsOfArea.stream().anyMatch(mine::contains)) {
                List<String> members = new ArrayList<>(cellsOfArea);
                members.sort(NetworkInventory::compareNames);
                dark.add(area.getKey() + " (" + String.join(", ", members) + ")");
            }
        }
        if (!dark.isEmpty()) {
            // one violation for the policy, naming the areas (the first few when many go dark)
            String field = e.keepCoverage() ? "scope.cells" : "statement.keepCoverage";
            Object value = e.keepCoverage() ? p.scope().cells() : false;
            String areas = dark.size() <= 3 ? String.join(", ", dark)
                    : String.join(", ", dark.subList(0, 3)) + " and " + (dark.size() - 3) + " more";
            out.add(Violation.of(field, value, "at least one active cell in every coverage area",
                    "putting " + (mine.size() > 6 ? mine.size() + " cells" : String.join(", ", mine))
                            + " to sleep would leave coverage area" + (dark.size() > 1 ? "s " : " ") + areas
                            + " without an active cell"));
        }
    }

    /**
     * Whether a SLEEP policy fixes its set of sleeping cells ahead of time, so that the coverage rule must
     * hold statically. One that gives up keepCoverage does, and so does one that names its cells and
     * sleeps them unconditionally (keeping coverage would contradict it). A policy that keeps coverage and
     * sleeps only below a load threshold, or that leaves the choice of cells to the energy xApp, is
     * guarded at run time: the xApp keeps one cell per coverage area awake.
     */
    static boolean sleepsStatically(Policy p, EnergySaving e) {
        return !e.keepCoverage() || (!p.scope().cells().isEmpty() && e.whenLoadBelowPct() == null);
    }

    private void checkSteering(TrafficSteering ts, List<Violation> out) {
        for (int i = 0; i < ts.targetCells().size(); i++) {
            String cell = ts.targetCells().get(i);
            if (!inventory.hasCell(cell)) {
                out.add(Violation.of("statement.targetCells[" + i + "]", cell, "known cells " + range(inventory.cellNames()),
                        "statement.targetCells[" + i + "] = " + cell + " is not a cell of this network (known cells "
                                + range(inventory.cellNames()) + ")"));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    Set<String> cellsOf(Scope scope) {
        return inventory.resolveCells(scope.cells(), scope.nodes());
    }

    static String fmt(double v) {
        return Violation.render(v);
    }

    private static String range(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return names.get(0) + " .. " + names.get(names.size() - 1);
    }
}
