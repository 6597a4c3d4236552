package io.oranric.agent.local;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an intent into tokens. Letters and digits that touch are split ("cell3", "3dB", "6am"); the
 * hyphen of "cell-3" is dropped while that of "low-latency" and "thirty-five" is kept inside the word;
 * a sign sticks to a number only where it cannot be a range dash ("by -3 dB", not "20-50%").
 */
final class Lexer {

    private Lexer() {
    }

    static List<Token> lex(String raw) {
        String s = normalise(raw);
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '('))) {
                i = number(s, i, out);
                continue;
            }
            if (Character.isLetter(c)) {
                int j = i;
                while (j < n && (Character.isLetter(s.charAt(j))
                        || (s.charAt(j) == '-' && j + 1 < n && Character.isLetter(s.charAt(j + 1)) && j > i))) {
                    j++;
                }
                out.add(Token.word(s.substring(i, j)));
                // "cell-3", "gnb-2": a hyphen between a word and a number is only a joiner
                if (j < n && s.charAt(j) == '-' && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
                    j++;
                    i = number(s, j, out);
                    continue;
                }
                i = j;
                continue;
            }
            if ((c == '>' || c == '<') && i + 1 < n && s.charAt(i + 1) == '=') {
                out.add(Token.symbol(s.substring(i, i + 2)));
                i += 2;
                continue;
            }
            out.add(Token.symbol(String.valueOf(c)));
            i++;
        }
        return NumberWords.fold(out);
    }

    private static int number(String s, int i, List<Token> out) {
        int n = s.length();
        int j = i;
        if (s.charAt(j) == '-' || s.charAt(j) == '+') {
            j++;
        }
        while (j < n && Character.isDigit(s.charAt(j))) {
            j++;
        }
        // 23:00 as a clock time
        if (j + 2 < n && s.charAt(j) == ':' && Character.isDigit(s.charAt(j + 1)) && Character.isDigit(s.charAt(j + 2))
                && (j + 3 == n || !Character.isDigit(s.charAt(j + 3)))) {
            int h = Integer.parseInt(s.substring(i, j).replace("+", ""));
            int m = Integer.parseInt(s.substring(j + 1, j + 3));
            if (h >= 0 && h <= 24 && m < 60 && s.charAt(i) != '-') {
                out.add(Token.time(s.substring(i, j + 3), LocalTime.of(h % 24, m)));
                return j + 3;
            }
        }
        StringBuilder digits = new StringBuilder(s.substring(i, j).replace("+", ""));
        // thousands separator "1,000" (exactly three digits after the comma), decimals with a point
        while (j + 3 < n && s.charAt(j) == ',' && Character.isDigit(s.charAt(j + 1))
                && Character.isDigit(s.charAt(j + 2)) && Character.isDigit(s.charAt(j + 3))
                && (j + 4 == n || !Character.isDigit(s.charAt(j + 4)))) {
            digits.append(s, j + 1, j + 4);
            j += 4;
        }
        if (j + 1 < n && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
            int k = j + 1;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
            }
            digits.append(s, j, k);
            j = k;
        }
        out.add(Token.number(s.substring(i, j), new BigDecimal(digits.toString())));
        return j;
    }

    /** Lower case, plain quotes and dashes, contractions and possessives removed. */
    static String normalise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-')
                .replace("\u00a0", " ");
        s = s.replace("a.m.", "am").replace("p.m.", "pm");
        s = s.replace("won't", "will not").replace("can't", "cannot").replace("n't", " not")
                .replace("what's", "what is").replace("it's", "it is").replace("that's", "that is")
                .replace("let's", "let us");
        s = s.replaceAll("([a-z0-9])'s\\b", "$1");
        s = s.replace("'", " ").replace("\"", " ").replace("&", " and ");
        return s;
    }
}
