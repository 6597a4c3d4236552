package io.oranric.agent.local;

/** Units the grammar understands, normalised to the contract's units (dBm, dB, MHz, Mbps, ms, percent). */
enum Unit {
    PERCENT, DB, DBM, MHZ, MBPS, MS, HOURS, MINUTES, NONE
}
