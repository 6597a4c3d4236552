package io.oranric.testbed.sim.model;

/**
 * Active DL/UL bandwidth part of a cell (the O-BWP of E2SM-CCC, reduced to what changes the model): the
 * scheduler can only use PRBs inside it. It keeps the carrier's subcarrier spacing.
 *
 * @param id       BWP id 0..4 (0: the initial BWP)
 * @param startPrb first PRB, counted from the carrier's lowest PRB
 * @param numPrbs  number of PRBs
 */
public record Bwp(int id, int startPrb, int numPrbs) {

    public static Bwp fullCarrier(int carrierPrbs) {
        return new Bwp(0, 0, carrierPrbs);
    }

    public boolean fits(int carrierPrbs) {
        return id >= 0 && id <= 4 && startPrb >= 0 && numPrbs >= 1 && startPrb + numPrbs <= carrierPrbs;
    }
}
