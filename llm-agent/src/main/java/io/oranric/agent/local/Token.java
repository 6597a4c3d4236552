package io.oranric.agent.local;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * One lexical unit of an intent. Words are lower-cased; numbers (digits or words) carry their value;
 * clock times such as 23:00 carry a {@link LocalTime}.
 */
record Token(Kind kind, String text, BigDecimal number, LocalTime time) {

    enum Kind { WORD, NUMBER, TIME, SYMBOL }

    static Token word(String w) {
        return new Token(Kind.WORD, w, null, null);
    }

    static Token number(String text, BigDecimal v) {
        return new Token(Kind.NUMBER, text, v, null);
    }

    static Token time(String text, LocalTime t) {
        return new Token(Kind.TIME, text, null, t);
    }

    static Token symbol(String s) {
        return new Token(Kind.SYMBOL, s, null, null);
    }

    boolean is(String s) {
        return text.equals(s);
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    @Override
    public String toString() {
        return text;
    }
}
