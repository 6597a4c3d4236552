package io.oranric.policies.model;

/**
 * Maximum transmit power: either an absolute ceiling in dBm or a change in dB relative to the
 * configured value. Exactly one is set, since applying both would make the order of application matter.
 */
public record TxPower(Double maxTxPowerDbm, Double deltaDb) implements Statement {

    public TxPower {
        if ((maxTxPowerDbm == null) == (deltaDb == null)) {
            throw new IllegalArgumentException("TxPower needs exactly one of maxTxPowerDbm, deltaDb");
        }
    }

    public static TxPower absolute(double dbm) {
        return new TxPower(dbm, null);
    }

    public static TxPower delta(double db) {
        return new TxPower(null, db);
    }

    @Override
    public PolicyType type() {
        return PolicyType.TX_POWER;
    }
}
