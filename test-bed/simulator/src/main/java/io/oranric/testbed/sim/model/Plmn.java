package io.oranric.testbed.sim.model;

/** PLMN identity; MCC of 3 digits, MNC of 2 or 3 digits (lab: 001/01). */
public record Plmn(String mcc, String mnc) {

    public Plmn {
        if (mcc == null || !mcc.matches("\\d{3}")) {
            throw new IllegalArgumentException("MCC must be 3 digits: " + mcc);
        }
        if (mnc == null || !mnc.matches("\\d{2,3}")) {
            throw new IllegalArgumentException("MNC must be 2 or 3 digits: " + mnc);
        }
    }

    public static Plmn lab() {
        return new Plmn("001", "01");
    }

    @Override
    public String toString() {
        return mcc + mnc;
    }
}
