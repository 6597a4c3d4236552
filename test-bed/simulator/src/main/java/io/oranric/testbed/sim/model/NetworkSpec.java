package io.oranric.testbed.sim.model;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the model needs to start: topology, radio, slices with their UEs and traffic, time. Immutable;
 * scenario files become one of these ({@code io.oranric.testbed.sim.scenario.ScenarioLoader}).
 *
 * @param name            scenario name
 * @param seed            the only source of randomness
 * @param tickMs          model step; every {@link Network#step} advances in whole ticks
 * @param startTimeOfDay  time of day at model time zero
 * @param clockSpeedup    how many seconds of the day pass per second of model time (1: real time)
 * @param plmn            PLMN of all cells
 * @param radio           radio parameters
 * @param handover        mobility parameters
 * @param diurnal         default traffic profile over the day
 * @param gnbs            gNBs (E2 nodes)
 * @param cells           cells, each on one of the gNBs
 * @param slices          slices with their UEs
 */
public record NetworkSpec(String name, long seed, int tickMs, LocalTime startTimeOfDay, double clockSpeedup,
                          Plmn plmn, RadioSpec radio, HandoverSpec handover, DiurnalProfile diurnal,
                          List<GnbSpec> gnbs, List<CellSpec> cells, List<SliceSpec> slices) {

    public NetworkSpec {
        gnbs = List.copyOf(gnbs);
        cells = List.copyOf(cells);
        slices = List.copyOf(slices);
        if (tickMs < 1 || tickMs > 1000) {
            throw new IllegalArgumentException("tickMs " + tickMs + " outside 1..1000");
        }
        if (!(clockSpeedup >= 0)) {
            throw new IllegalArgumentException("clockSpeedup must be >= 0");
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one cell");
        }
        Set<String> gnbNames = new HashSet<>();
        Set<Long> gnbIds = new HashSet<>();
        for (GnbSpec g : gnbs) {
            if (!gnbNames.add(g.name())) {
                throw new IllegalArgumentException("duplicate gNB " + g.name());
            }
            if (!gnbIds.add(g.gnbId())) {
                throw new IllegalArgumentException("duplicate gNB ID " + g.gnbId());
            }
        }
        Set<String> cellIds = new HashSet<>();
        Set<String> localIds = new HashSet<>();
        for (CellSpec c : cells) {
            if (!cellIds.add(c.id())) {
                throw new IllegalArgumentException("duplicate cell " + c.id());
            }
            if (!gnbNames.contains(c.gnb())) {
                throw new IllegalArgumentException("cell " + c.id() + " is on unknown gNB " + c.gnb());
            }
            if (!localIds.add(c.gnb() + "/" + c.cellLocalId())) {
                throw new IllegalArgumentException("cell local id " + c.cellLocalId() + " used twice on " + c.gnb());
            }
        }
        Set<String> sliceNames = new HashSet<>();
        Set<Snssai> snssais = new HashSet<>();
        double minSum = 0;
        for (SliceSpec s : slices) {
            if (!sliceNames.add(s.name())) {
                throw new IllegalArgumentException("duplicate slice " + s.name());
            }
            if (!snssais.add(s.snssai())) {
                throw new IllegalArgumentException("duplicate S-NSSAI " + s.snssai());
            }
            minSum += s.quota().minPct();
        }
        if (minSum > 100 + 1e-9) {
            throw new IllegalArgumentException("slice minPrbPct values sum to " + minSum + " > 100");
        }
    }

    public GnbSpec gnb(String name) {
        return gnbs.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown gNB " + name));
    }
}
