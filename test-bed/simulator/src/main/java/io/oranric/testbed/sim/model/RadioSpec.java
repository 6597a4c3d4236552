package io.oranric.testbed.sim.model;

/**
 * Radio parameters shared by all cells and UEs.
 *
 * @param environment          TR 38.901 scenario
 * @param ueHeightM            UE antenna height
 * @param ueNoiseFigureDb      UE receiver noise figure
 * @param gnbNoiseFigureDb     gNB receiver noise figure
 * @param ueMaxTxPowerDbm      UE power class (23 dBm: power class 3)
 * @param ulP0DbmPerPrb        P0 nominal PUSCH per PRB of fractional UL power control
 * @param ulAlpha              path loss compensation factor alpha of UL power control
 * @param candidateRadiusM     cells farther than this from a UE are ignored (neither server nor interferer)
 * @param maxCandidates        at most this many nearest cells are tracked per UE
 * @param gainRefreshM         a UE recomputes its path gains after moving this far
 * @param idleInterferenceLoad share of full interference an active cell causes with no data (SSB, PDCCH, CSI-RS)
 * @param firstTxBler          target BLER of the first transmission (outer-loop link adaptation)
 * @param harqMaxTx            HARQ transmissions before a transport block is lost
 * @param tddDlFraction        share of symbols that carry DL in TDD (DDDSU with S = 10D:2G:2U: 52 of 70)
 * @param tddUlFraction        share of symbols that carry UL in TDD (16 of 70)
 */
public record RadioSpec(Environment environment, double ueHeightM, double ueNoiseFigureDb, double gnbNoiseFigureDb,
                        double ueMaxTxPowerDbm, double ulP0DbmPerPrb, double ulAlpha, double candidateRadiusM,
                        int maxCandidates, double gainRefreshM, double idleInterferenceLoad, double firstTxBler,
                        int harqMaxTx, double tddDlFraction, double tddUlFraction) {

    public RadioSpec {
        if (environment == null || ueHeightM <= 0 || candidateRadiusM <= 0 || maxCandidates < 1
                || gainRefreshM <= 0 || idleInterferenceLoad < 0 || idleInterferenceLoad > 1
                || firstTxBler < 0 || firstTxBler >= 1 || harqMaxTx < 1 || ulAlpha < 0 || ulAlpha > 1
                || tddDlFraction <= 0 || tddUlFraction <= 0 || tddDlFraction + tddUlFraction > 1) {
            throw new IllegalArgumentException("invalid radio parameters");
        }
    }

    public static RadioSpec defaults(Environment environment) {
        return new RadioSpec(environment, 1.5, 9.0, 5.0, 23.0, -80.0, 0.8, 2000.0, 12, 2.0, 0.02, 0.1, 4,
                52.0 / 70.0, 16.0 / 70.0);
    }
}
