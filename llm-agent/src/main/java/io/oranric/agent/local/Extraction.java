package io.oranric.agent.local;

import io.oranric.agent.api.NetworkContext;
import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.Validity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities of one intent: cells, nodes, UEs, slices, quantities with units, ranges and time
 * windows. Each recogniser marks the tokens it consumed, so that the clause splitter only splits on
 * an "and" that no entity owns ("cells 2 and 4", "between 23:00 and 06:00" stay whole).
 */
final class Extraction {

    final List<Token> tokens;
    final boolean[] consumed;
    final List<Mentions.Cells> cells = new ArrayList<>();
    final List<Mentions.Nodes> nodes = new ArrayList<>();
    final List<Mentions.Ues> ues = new ArrayList<>();
    final List<Mentions.Slice> slices = new ArrayList<>();
    final List<Mentions.Quantity> quantities = new ArrayList<>();
    final List<Mentions.Range> ranges = new ArrayList<>();
    final List<Mentions.Window> windows = new ArrayList<>();

    private final NetworkContext ctx;

    private static final Map<Integer, String> SST = Map.of(1, "embb", 2, "urllc", 3, "miot");

    Extraction(List<Token> tokens, NetworkContext ctx) {
        this.tokens = tokens;
        this.consumed = new boolean[tokens.size()];
        this.ctx = ctx;
        windows();
        priority();
        nodesAndUes();
        cells();
        slices();
        fractions();
        ranges();
        quantities();
    }

    static Extraction of(String text, NetworkContext ctx) {
        return new Extraction(Lexer.lex(text), ctx);
    }

    // ================================================================ token helpers

    int size() {
        return tokens.size();
    }

    String w(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
    }

    boolean isNum(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isNumber();
    }

    private boolean isInt(int i) {
        return isNum(i) && tokens.get(i).number().stripTrailingZeros().scale() <= 0;
    }

    private int intAt(int i) {
        return tokens.get(i).number().intValueExact();
    }

    /** Whether the words starting at i are exactly {@code words} ("a|b" allows alternatives). */
    boolean at(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            String t = w(i + k);
            boolean ok = false;
            for (String alt : words[k].split("\\|")) {
                if (alt.equals(t)) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean free(int from, int to) {
        for (int i = from; i < to; i++) {
            if (i >= consumed.length || consumed[i]) {
                return false;
            }
        }
        return true;
    }

    private void consume(int from, int to) {
        for (int i = from; i < to && i < consumed.length; i++) {
            consumed[i] = true;
        }
    }

    // ================================================================ time windows

    private record TimeAt(LocalTime time, int length, boolean strong) {
    }

    /** A clock time at i: 23:00, 6am, 11 pm, 22h, 23h30, midnight, noon; a bare hour is weak. */
    private TimeAt timeAt(int i) {
        if (i >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(i);
        if (at(i, "midnight")) {
            return new TimeAt(LocalTime.MIDNIGHT, 1, true);
        }
        if (at(i, "noon|midday")) {
            return new TimeAt(LocalTime.NOON, 1, true);
        }
        if (t.kind() == Token.Kind.TIME) {
            LocalTime lt = t.time();
            if (at(i + 1, "pm") && lt.getHour() < 12) {
                return new TimeAt(lt.plusHours(12), 2, true);
            }
            if (at(i + 1, "am")) {
                return new TimeAt(lt.getHour() == 12 ? lt.minusHours(12) : lt, 2, true);
            }
            if (at(i + 1, "h|hrs|hours")) {
                return new TimeAt(lt, 2, true);
            }
            return new TimeAt(lt, 1, true);
        }
        if (!isInt(i)) {
            return null;
        }
        int h = intAt(i);
        if (h < 0 || h > 24) {
            return null;
        }
        if (at(i + 1, "am|pm")) {
            if (h < 1 || h > 12) {
                return null;
            }
            int hour = at(i + 1, "pm") ? (h % 12) + 12 : h % 12;
            return new TimeAt(LocalTime.of(hour, 0), 2, true);
        }
        if (at(i + 1, "o", "clock")) {
            return new TimeAt(LocalTime.of(h % 24, 0), 3, true);
        }
        if (at(i + 1, "h|hr|hrs")) {
            if (isInt(i + 2) && intAt(i + 2) < 60 && !isUnitWord(i + 3)) {
                return new TimeAt(LocalTime.of(h % 24, intAt(i + 2)), 3, true);
            }
            return new TimeAt(LocalTime.of(h % 24, 0), 2, true);
        }
        return new TimeAt(LocalTime.of(h % 24, 0), 1, false);
    }

    private boolean isUnitWord(int i) {
        return unitAt(i) != null;
    }

    private static final String CONNECT = "and|to|till|til|until|-|through|thru";

    private void windows() {
        Integer dayAnchor = null; // 0 = today/tonight, 1 = tomorrow
        boolean tonight = false;
        int anchorStart = -1;
        int anchorEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (at(i, "tonight") || at(i, "this", "night|evening")) {
                tonight = true;
                dayAnchor = 0;
                anchorStart = i;
                anchorEnd = i + (at(i, "tonight") ? 1 : 2);
            } else if (at(i, "tomorrow") && !at(i + 1, "night")) {
                dayAnchor = 1;
                anchorStart = i;
                anchorEnd = i + 1;
            } else if (at(i, "tomorrow", "night")) {
                dayAnchor = 1;
                tonight = true;
                anchorStart = i;
                anchorEnd = i + 2;
            } else if (at(i, "today")) {
                dayAnchor = 0;
                anchorStart = i;
                anchorEnd = i + 1;
            }
        }
        // explicit clock windows
        List<int[]> spans = new ArrayList<>();
        List<DailyWindow> explicit = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int s = i;
            int j = i;
            if (at(j, "between|from")) {
                j++;
            }
            TimeAt t1 = timeAt(j);
            if (t1 == null) {
                continue;
            }
            int k = j + t1.length();
            if (!at(k, CONNECT)) {
                continue;
            }
            TimeAt t2 = timeAt(k + 1);
            if (t2 == null || !(t1.strong() || t2.strong())) {
                continue;
            }
            // "from 10 to 40 percent" is a range of numbers, not of hours
            int end = k + 1 + t2.length();
            if (!t2.strong() && isUnitWord(end)) {
                continue;
            }
            LocalTime a = t1.time();
            LocalTime b = t2.time();
            if (!t1.strong() && t2.strong() && at(k + 2, "am|pm") && t1.time().getHour() <= 12) {
                // "from 10 to 6 am": the first hour shares the meridiem only when that keeps order sensible
                a = at(k + 2, "pm") ? LocalTime.of(t1.time().getHour() % 12 + 12, 0) : a;
            }
            if (a.equals(b) || !free(s, end)) {
                continue;
            }
            spans.add(new int[] {s, end});
            explicit.add(new DailyWindow(a, b));
            consume(s, end);
            i = end - 1;
        }
        // night / day words
        List<int[]> nightSpans = new ArrayList<>();
        List<DailyWindow> named = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int len = 0;
            DailyWindow win = null;
            if (at(i, "at|by|during|in", "the", "night|nighttime|night-time")) {
                len = 3;
            } else if (at(i, "at|by|during|overnight|over", "night|nighttime|night-time|nights")) {
                len = 2;
            } else if (at(i, "every|each|all", "night")) {
                len = 2;
            } else if (at(i, "during", "night", "hours|time")) {
                len = 3;
            } else if (at(i, "overnight|nightly|nighttime|night-time") || at(i, "nights")) {
                len = 1;
            } else if (at(i, "night", "time") || at(i, "off-peak", "hours")) {
                len = 2;
            } else if (at(i, "off-peak")) {
                len = 1;
            }
            if (len > 0) {
                win = ctx.night();
            } else if (at(i, "during|in", "the", "day|daytime|day-time") || at(i, "during|by", "day|daytime")) {
                len = at(i + 1, "the") ? 3 : 2;
                win = new DailyWindow(ctx.night().end(), ctx.night().start());
            } else if (at(i, "daytime")) {
                len = 1;
                win = new DailyWindow(ctx.night().end(), ctx.night().start());
            } else if (at(i, "during|in|outside", "business|office|working", "hours")
                    || at(i, "business|office|working", "hours")) {
                len = at(i, "business|office|working") ? 2 : 3;
                win = at(i, "outside") ? DailyWindow.of("18:00", "08:00") : DailyWindow.of("08:00", "18:00");
            } else if (at(i, "every|each", "evening") || at(i, "in", "the", "evening")) {
                len = at(i, "in") ? 3 : 2;
                win = DailyWindow.of("18:00", "23:00");
            } else if (at(i, "every|each", "morning") || at(i, "in", "the", "morning") || at(i, "mornings")) {
                len = at(i, "in") ? 3 : at(i, "mornings") ? 1 : 2;
                win = DailyWindow.of("06:00", "12:00");
            } else if (at(i, "every|each", "afternoon") || at(i, "in", "the", "afternoon") || at(i, "afternoons")) {
                len = at(i, "in") ? 3 : at(i, "afternoons") ? 1 : 2;
                win = DailyWindow.of("12:00", "18:00");
            }
            if (win != null && free(i, i + len)) {
                nightSpans.add(new int[] {i, i + len});
                named.add(win);
                consume(i, i + len);
                i += len - 1;
            }
        }
        // durations: "for the next 2 hours", "for 30 minutes"
        for (int i = 0; i < tokens.size(); i++) {
            int j = i;
            if (!at(j, "for|during")) {
                continue;
            }
            j++;
            if (at(j, "the")) {
                j++;
            }
            if (at(j, "next|coming")) {
                j++;
            }
            if (isNum(j) && at(j + 1, "hours|hour|h|hrs|minutes|minute|mins|min") && free(i, j + 2)) {
                long n = tokens.get(j).number().longValue();
                Duration d = at(j + 1, "minutes|minute|mins|min") ? Duration.ofMinutes(n) : Duration.ofHours(n);
                Instant now = ctx.clock().instant();
                windows.add(new Mentions.Window(i, j + 2, new Validity(now, now.plus(d), null),
                        "for " + d.toString().substring(2).toLowerCase(), leading(i)));
                consume(i, j + 2);
            }
        }
        // "until 6am" alone bounds the end
        for (int i = 0; i < tokens.size(); i++) {
            if (at(i, "until|till|til") && free(i, i + 1)) {
                TimeAt t = timeAt(i + 1);
                if (t != null && t.strong() && free(i + 1, i + 1 + t.length())) {
                    Instant until = nextOccurrence(t.time(), dayAnchor);
                    windows.add(new Mentions.Window(i, i + 1 + t.length(), new Validity(null, until, null),
                            "until " + t.time(), leading(i)));
                    consume(i, i + 1 + t.length());
                }
            }
        }
        // combine: explicit clock windows beat named ones; a day anchor makes them one-off
        ZoneId zone = ctx.zone();
        for (int n = 0; n < explicit.size(); n++) {
            int[] sp = spans.get(n);
            DailyWindow dw = explicit.get(n);
            windows.add(dayAnchor == null ? new Mentions.Window(sp[0], sp[1], Validity.daily(dw), "daily " + dw.start() + "-" + dw.end(), leading(sp[0]))
                    : oneOff(sp[0], sp[1], dw, dayAnchor, tonight, zone));
        }
        if (explicit.isEmpty()) {
            for (int n = 0; n < named.size(); n++) {
                int[] sp = nightSpans.get(n);
                DailyWindow dw = named.get(n);
                windows.add(dayAnchor == null ? new Mentions.Window(sp[0], sp[1], Validity.daily(dw), "daily " + dw.start() + "-" + dw.end(), leading(sp[0]))
                        : oneOff(sp[0], sp[1], dw, dayAnchor, tonight, zone));
            }
            if (named.isEmpty() && dayAnchor != null) {
                DailyWindow dw = tonight ? ctx.night() : null;
                if (dw != null) {
                    windows.add(oneOff(anchorStart, anchorEnd, dw, dayAnchor, true, zone));
                } else {
                    LocalDate day = LocalDate.now(ctx.clock().withZone(zone)).plusDays(dayAnchor);
                    Instant from = dayAnchor == 0 ? ctx.clock().instant() : day.atStartOfDay(zone).toInstant();
                    windows.add(new Mentions.Window(anchorStart, anchorEnd,
                            new Validity(from, day.plusDays(1).atStartOfDay(zone).toInstant(), null),
                            dayAnchor == 0 ? "today" : "tomorrow", leading(anchorStart)));
                }
            }
        }
        if (anchorStart >= 0) {
            consume(anchorStart, anchorEnd);
        }
        // what a validity (absolute interval + one daily window) cannot say: asked, never dropped
        for (int i = 0; i < tokens.size() && unsupportedTime == null; i++) {
            if (at(i, "weekend|weekends|weekday|weekdays|monday|mondays|tuesday|tuesdays|wednesday|wednesdays|thursday"
                    + "|thursdays|friday|fridays|saturday|saturdays|sunday|sundays|holiday|holidays")) {
                unsupportedTime = w(i);
            } else if (at(i, "peak|busy|rush", "hour|hours") || at(i, "busy-hour|busy-hours|rush-hour")) {
                unsupportedTime = w(i) + (at(i + 1, "hour|hours") ? " " + w(i + 1) : "");
            } else if (at(i, "next|this", "week|month") || at(i, "every", "other")) {
                unsupportedTime = w(i) + " " + w(i + 1);
            }
        }
    }

    /** A time qualifier the contract's validity cannot express ("weekends", "peak hours"), or null. */
    String unsupportedTime;

    private Mentions.Window oneOff(int start, int end, DailyWindow dw, int dayAnchor, boolean night, ZoneId zone) {
        LocalDate day = LocalDate.now(ctx.clock().withZone(zone)).plusDays(dayAnchor);
        // "tonight from 1am": hours before noon belong to the night's second half, the next day
        LocalDate startDay = night && dw.start().isBefore(LocalTime.NOON) ? day.plusDays(1) : day;
        ZonedDateTime from = startDay.atTime(dw.start()).atZone(zone);
        ZonedDateTime until = (dw.crossesMidnight() ? startDay.plusDays(1) : startDay).atTime(dw.end()).atZone(zone);
        return new Mentions.Window(Math.min(start, end), Math.max(start, end),
                new Validity(from.toInstant(), until.toInstant(), null),
                "once, " + from.toLocalDateTime() + " to " + until.toLocalDateTime(), leading(start));
    }

    private Instant nextOccurrence(LocalTime t, Integer dayAnchor) {
        ZonedDateTime now = ctx.clock().instant().atZone(ctx.zone());
        ZonedDateTime candidate = now.toLocalDate().plusDays(dayAnchor == null ? 0 : dayAnchor).atTime(t).atZone(ctx.zone());
        if (!candidate.isAfter(now)) {
            candidate = candidate.plusDays(1);
        }
        return candidate.toInstant();
    }

    /** Nothing that could be a predicate comes before token i. */
    private boolean leading(int i) {
        for (int k = 0; k < i; k++) {
            Token t = tokens.get(k);
            if (t.isNumber() || Lexicon.ACTION_VERBS.contains(t.text())) {
                return false;
            }
        }
        return true;
    }

    // ================================================================ nodes, UEs, cells

    private void nodesAndUes() {
        for (int i = 0; i < tokens.size(); i++) {
            int j;
            if (at(i, "base", "station|stations")) {
                j = i + 2;
            } else if (at(i, "gnb|gnbs|gnodeb|gnodebs|enb|enodeb|node|nodes|du|site|sites")) {
                j = i + 1;
            } else if (at(i, "ue|ues|imsi")) {
                List<Integer> ids = numberList(i + 1, "ue");
                if (!ids.isEmpty() && free(i, listEnd)) {
                    ues.add(new Mentions.Ues(i, listEnd, ids.stream().map(n -> "ue-" + n).toList()));
                    consume(i, listEnd);
                }
                continue;
            } else {
                continue;
            }
            if (at(j, "#|no|number|nr|num|id")) {
                j++;
            }
            List<Integer> ids = numberList(j, "gnb|node|gnodeb|site");
            if (!ids.isEmpty() && free(i, listEnd)) {
                nodes.add(new Mentions.Nodes(i, listEnd, ids.stream().map(n -> "gnb-" + n).toList()));
                consume(i, listEnd);
            }
        }
    }

    private int listEnd;

    /**
     * "3", "2 and 4", "1, 2 and 3", "2-4", "2 to 4" (ranges only when the second number has no unit,
     * so "cell 7 to 20 MHz" stays a cell and a target). Sets {@link #listEnd}.
     */
    private List<Integer> numberList(int j, String repeatWord) {
        List<Integer> out = new ArrayList<>();
        if (!isInt(j) || isUnitWord(j + 1) || (j + 1 < tokens.size() && tokens.get(j + 1).kind() == Token.Kind.TIME)) {
            listEnd = j;
            return out;
        }
        out.add(intAt(j));
        int k = j + 1;
        while (true) {
            int m = k;
            if (at(m, ",|and|or|/|plus|&")) {
                m++;
                if (at(m, "and|or")) {
                    m++;
                }
                if (at(m, repeatWord) || at(m, "cell")) {
                    m++;
                }
                if (isInt(m) && !isUnitWord(m + 1) && !at(m + 1, ":") && !at(m + 1, "-|to")) {
                    out.add(intAt(m));
                    k = m + 1;
                    continue;
                }
                if (isInt(m) && at(m + 1, "-|to") && isInt(m + 2) && !isUnitWord(m + 3)) {
                    k = m;
                    continue;
                }
            }
            if (at(k, "-|to|through|thru|till|until") && isInt(k + 1) && !isUnitWord(k + 2)
                    && intAt(k + 1) > out.get(out.size() - 1) && intAt(k + 1) - out.get(out.size() - 1) < 64) {
                for (int v = out.get(out.size() - 1) + 1; v <= intAt(k + 1); v++) {
                    out.add(v);
                }
                k = k + 2;
                continue;
            }
            break;
        }
        listEnd = k;
        return out;
    }

    private static final String[][] ALL_CELLS = {
            {"all", "cells"}, {"all", "the", "cells"}, {"all", "of", "the", "cells"}, {"all", "our", "cells"},
            {"all", "my", "cells"}, {"every", "cell"}, {"every", "single", "cell"}, {"each", "cell"},
            {"each", "of", "the", "cells"}, {"every", "one", "of", "the", "cells"}, {"network-wide"},
            {"network", "wide"}, {"networkwide"}, {"across", "the", "whole", "network"}, {"across", "the", "entire", "network"},
            {"across", "the", "network"}, {"throughout", "the", "network"}, {"the", "whole", "network"},
            {"the", "entire", "network"}, {"whole", "network"}, {"entire", "network"}, {"everywhere"},
            {"all", "sites"}, {"every", "site"}, {"all", "base", "stations"}, {"every", "base", "station"},
            {"all", "gnbs"}, {"every", "gnb"}, {"all", "nodes"}, {"all", "the", "sites"}, {"all", "sectors"},
            {"every", "sector"}, {"all", "radios"}, {"all", "carriers"}};

    private static final String[][] BACKREFS = {
            {"the", "same", "cells"}, {"the", "same", "cell"}, {"same", "cell"}, {"that", "cell"}, {"this", "cell"},
            {"those", "cells"}, {"these", "cells"}, {"said", "cell"}, {"there"}, {"it"}, {"its"}, {"them"}};

    private void cells() {
        for (int i = 0; i < tokens.size(); i++) {
            if (consumed[i]) {
                continue;
            }
            if (at(i, "cell|cells|sector|sectors")) {
                int j = i + 1;
                if (at(j, "#|no|number|nr|num|id|.")) {
                    j++;
                }
                List<Integer> ids = numberList(j, "cell");
                if (!ids.isEmpty() && free(i, listEnd)) {
                    cells.add(new Mentions.Cells(i, listEnd, ids.stream().map(n -> "cell-" + n).toList(),
                            excluded(i) ? Mentions.CellKind.EXCEPT : Mentions.CellKind.LIST, prep(i)));
                    consume(i, listEnd);
                    i = listEnd - 1;
                    continue;
                }
            }
            String[] all = match(i, ALL_CELLS);
            if (all != null) {
                cells.add(new Mentions.Cells(i, i + all.length, List.of(), Mentions.CellKind.ALL, prep(i)));
                consume(i, i + all.length);
                i += all.length - 1;
                continue;
            }
            if (at(i, "cells")) {
                cells.add(new Mentions.Cells(i, i + 1, List.of(), Mentions.CellKind.ALL_IMPLICIT, prep(i)));
                consume(i, i + 1);
                continue;
            }
            String[] ref = match(i, BACKREFS);
            if (ref != null) {
                cells.add(new Mentions.Cells(i, i + ref.length, List.of(), Mentions.CellKind.BACKREF, prep(i)));
                consume(i, i + ref.length);
                i += ref.length - 1;
            }
        }
    }

    /** "except cell 3", "all cells but cell 5", "apart from cell 2", "other than cell 4", "excluding cell 1". */
    private boolean excluded(int i) {
        int k = i - 1;
        if (at(k, "the")) {
            k--;
        }
        if (at(k, "except|excluding|excepting|besides|sans|minus") || at(k - 1, "except|but", "for|not")
                || at(k - 1, "apart|aside", "from")
                || at(k - 1, "other", "than") || at(k - 1, "save", "for") || at(k - 1, "with", "the", "exception", "of")) {
            return true;
        }
        if (at(k, "but")) {
            // "all cells but cell 5" excludes; "... but cap cell 5" is a conjunction and is not followed by a cell
            for (Mentions.Cells c : cells) {
                if (c.kind() == Mentions.CellKind.ALL || c.kind() == Mentions.CellKind.ALL_IMPLICIT) {
                    return true;
                }
            }
            return k - 1 >= 0 && at(k - 1, "cells|everywhere|network");
        }
        return false;
    }

    /** "priority 80", "with high priority": the policies' priority. */
    Integer priority;

    private void priority() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!at(i, "priority") || consumed[i]) {
                continue;
            }
            if (isInt(i + 1) && !isUnitWord(i + 2)) {
                priority = intAt(i + 1);
                consume(i, i + 2);
            } else if (at(i - 1, "high|top|highest|maximum|max")) {
                priority = 80;
                consume(i - 1, i + 1);
            } else if (at(i - 1, "low|lowest|minimum|min")) {
                priority = 20;
                consume(i - 1, i + 1);
            } else if (at(i - 1, "normal|default|medium")) {
                priority = 50;
                consume(i - 1, i + 1);
            }
        }
    }

    private String[] match(int i, String[][] phrases) {
        for (String[] p : phrases) {
            if (at(i, p) && free(i, i + p.length)) {
                return p;
            }
        }
        return null;
    }

    /** The preposition governing a mention at i, skipping articles. */
    String prep(int i) {
        int k = i - 1;
        while (k >= 0 && at(k, "the|a|an|of|our|all|both")) {
            if (at(k, "of") && (at(k - 1, "out") || at(k - 1, "instead"))) {
                break;
            }
            k--;
        }
        if (k < 0) {
            return "";
        }
        if (at(k, "from") && at(k - 1, "away")) {
            return "away from";
        }
        if (at(k, "of") && at(k - 1, "out")) {
            return "out of";
        }
        if (at(k, "over") && at(k - 1, "hand|handed|hands|handing")) {
            return "to";
        }
        if (at(k, "to|towards|toward|into|onto|in|on|at|for|from|off|across|within|via|by|under|inside|over|of")) {
            return w(k);
        }
        return "";
    }

    // ================================================================ slices

    private void slices() {
        for (int i = 0; i < tokens.size(); i++) {
            if (consumed[i]) {
                continue;
            }
            String explicit = null;
            int len = 1;
            if (at(i, "embb|e-mbb")) {
                explicit = "embb";
            } else if (at(i, "urllc|urlcc|urllc-slice")) {
                explicit = "urllc";
            } else if (at(i, "miot|m-iot|mmtc|m-mtc")) {
                explicit = "miot";
            } else if (at(i, "sst|slice") && isInt(i + 1) && SST.containsKey(intAt(i + 1)) && !isUnitWord(i + 2)) {
                explicit = SST.get(intAt(i + 1));
                len = 2;
            }
            if (explicit != null) {
                slices.add(new Mentions.Slice(i, i + len, explicit, true));
                consume(i, i + len);
                i += len - 1;
                continue;
            }
            String alias = null;
            if (at(i, "enhanced", "mobile", "broadband")) {
                alias = "embb";
                len = 3;
            } else if (at(i, "mobile", "broadband")) {
                alias = "embb";
                len = 2;
            } else if (at(i, "broadband|mbb")) {
                alias = "embb";
                len = 1;
            } else if (at(i, "low|ultra", "latency|reliable|reliability") || at(i, "mission|time|latency", "critical")
                    || at(i, "ultra", "low", "latency")) {
                alias = "urllc";
                len = at(i, "ultra", "low") ? 3 : 2;
            } else if (at(i, "low-latency|ultra-reliable|mission-critical|time-critical|latency-critical|latency-sensitive|critical")) {
                alias = "urllc";
                len = 1;
            } else if (at(i, "massive|machine", "iot|type|communications")) {
                alias = "miot";
                len = at(i + 2, "communications|communication") ? 3 : 2;
            } else if (at(i, "iot|nb-iot|machine-type|mtc|m2m|sensor|sensors|meter|meters|metering|machines|wearables")) {
                alias = "miot";
                len = 1;
            }
            if (alias != null && free(i, i + len)) {
                slices.add(new Mentions.Slice(i, i + len, alias, false));
                consume(i, i + len);
                i += len - 1;
            }
        }
    }

    // ================================================================ quantities

    record UnitAt(Unit unit, BigDecimal factor, int length, boolean logWatts) {
    }

    /** The unit starting at token i, its factor to the canonical unit and how many tokens it spans. */
    UnitAt unitAt(int i) {
        if (i >= tokens.size()) {
            return null;
        }
        BigDecimal one = BigDecimal.ONE;
        BigDecimal thousand = BigDecimal.valueOf(1000);
        BigDecimal milli = new BigDecimal("0.001");
        if (at(i, "%|percent|pct|percentage|perc")) {
            return new UnitAt(Unit.PERCENT, one, 1, false);
        }
        if (at(i, "per", "cent")) {
            return new UnitAt(Unit.PERCENT, one, 2, false);
        }
        if (at(i, "dbm")) {
            return new UnitAt(Unit.DBM, one, 1, false);
        }
        if (at(i, "db|decibel|decibels")) {
            return new UnitAt(Unit.DB, one, 1, false);
        }
        if (at(i, "w|watt|watts")) {
            return new UnitAt(Unit.DBM, thousand, 1, true);
        }
        if (at(i, "mw|milliwatt|milliwatts")) {
            return new UnitAt(Unit.DBM, one, 1, true);
        }
        if (at(i, "mhz|megahertz")) {
            return new UnitAt(Unit.MHZ, one, 1, false);
        }
        if (at(i, "ghz|gigahertz")) {
            return new UnitAt(Unit.MHZ, thousand, 1, false);
        }
        if (at(i, "khz|kilohertz")) {
            return new UnitAt(Unit.MHZ, milli, 1, false);
        }
        int perSecond = at(i + 1, "/", "s|sec") ? 2 : at(i + 1, "per", "second|sec|s") ? 2 : at(i + 1, "ps") ? 1 : 0;
        if (at(i, "mbps|mbit|mbits|megabit|megabits|mb|meg|megs")) {
            return new UnitAt(Unit.MBPS, one, 1 + perSecond, false);
        }
        if (at(i, "gbps|gbit|gbits|gigabit|gigabits|gb|gig|gigs")) {
            return new UnitAt(Unit.MBPS, thousand, 1 + perSecond, false);
        }
        if (at(i, "kbps|kbit|kbits|kilobit|kilobits|kb")) {
            return new UnitAt(Unit.MBPS, milli, 1 + perSecond, false);
        }
        if (at(i, "ms|msec|msecs|millisecond|milliseconds|millisec|millisecs")) {
            return new UnitAt(Unit.MS, one, 1, false);
        }
        if (at(i, "milli", "second|seconds")) {
            return new UnitAt(Unit.MS, one, 2, false);
        }
        if (at(i, "us|microsecond|microseconds|µs")) {
            return new UnitAt(Unit.MS, milli, 1, false);
        }
        if (at(i, "s|sec|secs|second|seconds") && !at(i - 1, "/")) {
            return new UnitAt(Unit.MS, thousand, 1, false);
        }
        if (at(i, "h|hr|hrs|hour|hours")) {
            return new UnitAt(Unit.HOURS, one, 1, false);
        }
        if (at(i, "min|mins|minute|minutes")) {
            return new UnitAt(Unit.MINUTES, one, 1, false);
        }
        return null;
    }

    private BigDecimal convert(BigDecimal v, UnitAt u) {
        if (u.logWatts()) {
            // watts or milliwatts to dBm: 10 log10(mW)
            double mw = v.multiply(u.factor()).doubleValue();
            if (mw <= 0) {
                return v;
            }
            return BigDecimal.valueOf(Math.round(10 * Math.log10(mw) * 10) / 10.0);
        }
        return v.multiply(u.factor()).stripTrailingZeros();
    }

    /** "half of the PRBs", "a quarter of", "two thirds of": shares written as fractions, read as percent. */
    private void fractions() {
        for (int i = 0; i < tokens.size(); i++) {
            int j = i;
            BigDecimal numerator = BigDecimal.ONE;
            if (at(j, "a|an|one")) {
                j++;
            } else if (isInt(j) && intAt(j) > 1 && intAt(j) < 10) {
                numerator = tokens.get(j).number();
                j++;
            }
            BigDecimal denominator = null;
            if (at(j, "half")) {
                denominator = BigDecimal.valueOf(2);
            } else if (at(j, "third|thirds")) {
                denominator = BigDecimal.valueOf(3);
            } else if (at(j, "quarter|quarters|fourth|fourths")) {
                denominator = BigDecimal.valueOf(4);
            } else if (at(j, "fifth|fifths")) {
                denominator = BigDecimal.valueOf(5);
            } else if (at(j, "tenth|tenths")) {
                denominator = BigDecimal.valueOf(10);
            }
            if (denominator == null || !at(j + 1, "of") || !free(i, j + 1)) {
                continue;
            }
            BigDecimal pct = numerator.multiply(BigDecimal.valueOf(100))
                    .divide(denominator, 1, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            quantities.add(new Mentions.Quantity(i, j + 1, pct, Unit.PERCENT));
            consume(i, j + 1);
            i = j;
        }
    }

    private void ranges() {
        for (int i = 0; i < tokens.size(); i++) {
            int s = i;
            int j = i;
            boolean between = at(j, "between");
            boolean from = at(j, "from");
            if (between || from) {
                j++;
            }
            if (!isNum(j) || consumed[j]) {
                continue;
            }
            UnitAt u1 = unitAt(j + 1);
            int k = j + 1 + (u1 == null ? 0 : u1.length());
            boolean dash = at(k, "-");
            if (!(at(k, "to|-") || (between && at(k, "and")))) {
                continue;
            }
            int m = k + 1;
            if (!isNum(m) || consumed[m]) {
                continue;
            }
            UnitAt u2 = unitAt(m + 1);
            if (u2 == null && u1 == null) {
                continue;
            }
            UnitAt unit = u2 != null ? u2 : u1;
            if (u1 != null && u2 != null && u1.unit() != u2.unit()) {
                continue;
            }
            if (unit.unit() == Unit.HOURS || unit.unit() == Unit.MINUTES) {
                continue;
            }
            int end = m + 1 + (u2 == null ? 0 : u2.length());
            if (!free(s, end)) {
                continue;
            }
            BigDecimal lo = convert(tokens.get(j).number(), u1 != null ? u1 : unit);
            BigDecimal hi = convert(tokens.get(m).number(), unit);
            boolean fromTo = !between && !dash;
            ranges.add(new Mentions.Range(s, end, lo, hi, unit.unit(), fromTo));
            consume(s, end);
            i = end - 1;
        }
    }

    private void quantities() {
        for (int i = 0; i < tokens.size(); i++) {
            if (consumed[i] || !isNum(i)) {
                continue;
            }
            UnitAt u = unitAt(i + 1);
            if (u != null) {
                quantities.add(new Mentions.Quantity(i, i + 1 + u.length(), convert(tokens.get(i).number(), u), u.unit()));
                consume(i, i + 1 + u.length());
                i += u.length();
            } else {
                quantities.add(new Mentions.Quantity(i, i + 1, tokens.get(i).number(), Unit.NONE));
                consume(i, i + 1);
            }
        }
    }

    static final Set<String> ARTICLES = Set.of("the", "a", "an");
}
