package io.oranric.e2.aper.meta;

/** The value of the NULL type in the generic value model. */
public enum AsnNull {
    INSTANCE;

    @Override
    public String toString() {
        return "NULL";
    }
}
