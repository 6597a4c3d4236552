package io.oranric.testbed.sim.model;

/**
 * Power model of one cell (its radio chains and their share of the baseband), after the EARTH model
 * (G. Auer et al., "How much energy is needed to run a wireless network?", IEEE Wireless Communications 18(5),
 * 2011, Table 1) that TR 38.864 builds on:
 *
 * <pre>
 *   active:       P_in = N_TRX * P0 + deltaP * P_tx * load      (P_tx: configured max TX power in W,
 *                                                                 load: share of DL PRBs in use)
 *   deep sleep:   P_in = P_deepSleep
 * </pre>
 *
 * The deep-sleep figure follows the relative power states of TR 38.864 clause 6.1 (deep sleep 1, light sleep 20,
 * micro sleep 45 units): P_deepSleep = EARTH's micro-sleep power / 45. Waking up takes {@code wakeUpMs}
 * (TR 38.864: 50 ms from deep sleep), during which the cell draws P0 power but serves nobody.
 *
 * @param trxCount     radio chains (transceivers) of the cell
 * @param p0W          power per chain at zero RF output, W
 * @param deltaP       slope of the load-dependent part (PA efficiency and cooling), dimensionless
 * @param microSleepW  EARTH P_sleep for the whole cell, W (kept for reference and for the deep-sleep default)
 * @param deepSleepW   power of the cell while it sleeps, W
 * @param wakeUpMs     sleep to active transition time, ms
 */
public record EnergyProfile(String name, int trxCount, double p0W, double deltaP, double microSleepW,
                            double deepSleepW, long wakeUpMs) {

    public EnergyProfile {
        if (trxCount < 1 || p0W < 0 || deltaP < 0 || deepSleepW < 0 || wakeUpMs < 0) {
            throw new IllegalArgumentException("invalid energy profile " + name);
        }
    }

    /** EARTH macro sector, 2 chains: P0 130 W, deltaP 4.7, P_sleep 75 W per chain. */
    public static EnergyProfile macro() {
        return fromEarth("macro", 2, 130, 4.7, 75);
    }

    /** EARTH remote radio head, 2 chains: P0 84 W, deltaP 2.8, P_sleep 56 W per chain. */
    public static EnergyProfile rrh() {
        return fromEarth("rrh", 2, 84, 2.8, 56);
    }

    /** EARTH micro, 2 chains: P0 56 W, deltaP 2.6, P_sleep 39 W per chain. */
    public static EnergyProfile micro() {
        return fromEarth("micro", 2, 56, 2.6, 39);
    }

    /** EARTH pico, 2 chains: P0 6.8 W, deltaP 4.0, P_sleep 4.3 W per chain. */
    public static EnergyProfile pico() {
        return fromEarth("pico", 2, 6.8, 4.0, 4.3);
    }

    public static EnergyProfile byName(String name) {
        return switch (name) {
            case "macro" -> macro();
            case "rrh" -> rrh();
            case "micro" -> micro();
            case "pico" -> pico();
            default -> throw new IllegalArgumentException("unknown energy profile '" + name
                    + "' (known: macro, rrh, micro, pico)");
        };
    }

    private static EnergyProfile fromEarth(String name, int trx, double p0, double deltaP, double sleepPerTrx) {
        double micro = trx * sleepPerTrx;
        return new EnergyProfile(name, trx, p0, deltaP, micro, micro / 45.0, 50);
    }

    /** Input power of an active cell, W. */
    public double activePowerW(double txPowerW, double load) {
        return trxCount * p0W + deltaP * txPowerW * load;
    }
}
