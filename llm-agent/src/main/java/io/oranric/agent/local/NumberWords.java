package io.oranric.agent.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Numbers written as words: "fifteen", "thirty-five", "one hundred and twenty", "zero point one".
 * Works on the token stream so that "cell three" and "forty percent" reach the grammar as numbers.
 */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
            "eighty", 80, "ninety", 90);

    private NumberWords() {
    }

    static boolean isNumberWord(String w) {
        return UNITS.containsKey(w) || TENS.containsKey(w) || w.equals("hundred") || w.equals("thousand");
    }

    /** Replaces each maximal run of number words by one NUMBER token. */
    static List<Token> fold(List<Token> in) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            int end = runEnd(in, i);
            if (end > i) {
                BigDecimal v = value(in.subList(i, end));
                if (v != null) {
                    StringBuilder text = new StringBuilder();
                    for (int k = i; k < end; k++) {
                        text.append(k > i ? " " : "").append(in.get(k).text());
                    }
                    out.add(Token.number(text.toString(), v));
                    i = end;
                    continue;
                }
            }
            out.add(in.get(i));
            i++;
        }
        return out;
    }

    /** Index after the run of number words starting at i ("and" and "point" only inside a run). */
    private static int runEnd(List<Token> in, int i) {
        int j = i;
        int lastNumberWord = -1;
        while (j < in.size() && in.get(j).isWord()) {
            String w = in.get(j).text();
            if (allParts(w)) {
                lastNumberWord = j;
            } else if (!((w.equals("and") || w.equals("point")) && lastNumberWord == j - 1 && j + 1 < in.size()
                    && in.get(j + 1).isWord() && allParts(in.get(j + 1).text())
                    && (w.equals("point") || in.get(j - 1).text().equals("hundred") || in.get(j - 1).text().equals("thousand")))) {
                break;
            }
            j++;
        }
        return lastNumberWord < 0 ? i : lastNumberWord + 1;
    }

    private static boolean allParts(String w) {
        for (String part : w.split("-")) {
            if (!isNumberWord(part)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal value(List<Token> words) {
        long total = 0;
        long current = 0;
        StringBuilder fraction = null;
        for (Token t : words) {
            for (String part : t.text().split("-")) {
                if (part.equals("and")) {
                    continue;
                }
                if (part.equals("point")) {
                    fraction = new StringBuilder();
                    continue;
                }
                if (fraction != null) {
                    Integer d = UNITS.get(part);
                    if (d == null || d > 9) {
                        return null;
                    }
                    fraction.append(d);
                    continue;
                }
                if (UNITS.containsKey(part)) {
                    current += UNITS.get(part);
                } else if (TENS.containsKey(part)) {
                    current += TENS.get(part);
                } else if (part.equals("hundred")) {
                    current = (current == 0 ? 1 : current) * 100;
                } else if (part.equals("thousand")) {
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                }
            }
        }
        BigDecimal v = BigDecimal.valueOf(total + current);
        if (fraction != null && fraction.length() > 0) {
            v = v.add(new BigDecimal("0." + fraction));
        }
        return v;
    }
}
