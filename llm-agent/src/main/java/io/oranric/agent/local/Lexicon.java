package io.oranric.agent.local;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word classes of the intent grammar. Verbs are listed by their base form; {@link #forms} adds the
 * regular inflections (caps, capped, capping; reduces, reduced, reducing) so each class is one line.
 */
final class Lexicon {

    private Lexicon() {
    }

    static Set<String> forms(String... bases) {
        Set<String> out = new HashSet<>();
        for (String b : bases) {
            out.add(b);
            if (b.endsWith("y") && !b.endsWith("ay") && !b.endsWith("ey") && !b.endsWith("oy")) {
                String stem = b.substring(0, b.length() - 1);
                out.add(stem + "ies");
                out.add(stem + "ied");
                out.add(b + "ing");
                continue;
            }
            out.add(b.endsWith("s") || b.endsWith("sh") || b.endsWith("ch") || b.endsWith("x") ? b + "es" : b + "s");
            if (b.endsWith("e")) {
                out.add(b + "d");
                out.add(b.substring(0, b.length() - 1) + "ing");
            } else {
                out.add(b + "ed");
                out.add(b + "ing");
                if (doublesFinalConsonant(b)) {
                    char last = b.charAt(b.length() - 1);
                    out.add(b + last + "ed");
                    out.add(b + last + "ing");
                }
            }
        }
        return Set.copyOf(out);
    }

    /** cap -> capped, drop -> dropping, cut -> cutting (short consonant-vowel-consonant words). */
    private static boolean doublesFinalConsonant(String b) {
        int n = b.length();
        if (n < 3 || n > 4) {
            return false;
        }
        String vowels = "aeiou";
        char c1 = b.charAt(n - 3);
        char v = b.charAt(n - 2);
        char c2 = b.charAt(n - 1);
        return vowels.indexOf(c1) < 0 && vowels.indexOf(v) >= 0 && vowels.indexOf(c2) < 0 && "wxy".indexOf(c2) < 0;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    static Set<String> words(String... w) {
        return Set.of(w);
    }

    // ---------------------------------------------------------------- change verbs

    static final Set<String> DECREASE = forms("reduce", "lower", "decrease", "cut", "drop", "shrink", "diminish",
            "trim", "attenuate", "narrow", "weaken", "lessen", "minimize", "minimise", "soften");
    static final Set<String> INCREASE = forms("increase", "raise", "boost", "bump", "amplify", "strengthen", "grow",
            "widen", "expand", "enlarge", "extend", "add", "maximize", "maximise", "improve");
    /** Particles that turn a neutral verb into a change: "turn ... down", "step up". */
    static final Set<String> DOWN = words("down");
    static final Set<String> UP = words("up");

    static final Set<String> SET = forms("set", "change", "configure", "adjust", "fix", "make", "put", "switch",
            "move", "operate", "run", "use", "apply", "tune", "establish", "define", "modify", "update");
    static final Set<String> CAP = forms("cap", "limit", "restrict", "bound", "throttle", "constrain", "clamp",
            "confine", "curb", "ceiling");
    static final Set<String> GUARANTEE = forms("guarantee", "ensure", "reserve", "secure", "give", "allocate",
            "assign", "provide", "grant", "dedicate", "need", "require", "get", "have", "deliver", "offer",
            "promise", "keep", "maintain", "hold", "sustain", "assure", "earmark", "set aside", "see");
    static final Set<String> USE = forms("use", "consume", "take", "occupy", "exceed", "utilize", "utilise");
    static final Set<String> DEDICATED = words("dedicated", "dedicate", "dedicates", "exclusive", "exclusively",
            "isolated", "reserved-only", "private");

    // ---------------------------------------------------------------- topics

    static final Set<String> POWER = words("power", "tx", "transmit", "transmission", "transmitter", "eirp",
            "txpower", "output");
    static final Set<String> BANDWIDTH = words("bandwidth", "spectrum", "carrier", "channel", "bw", "arfcn",
            "bwp", "frequency", "band");
    static final Set<String> PRB = words("prb", "prbs", "resource", "resources", "block", "blocks", "rb", "rbs",
            "share", "quota", "capacity", "scheduling", "scheduler", "air", "airtime", "radio");
    static final Set<String> LATENCY = words("latency", "latencies", "delay", "delays", "rtt", "lag", "ping");
    static final Set<String> THROUGHPUT = words("throughput", "bitrate", "rate", "speed", "speeds", "data",
            "goodput", "bit");
    static final Set<String> LOSS = words("loss", "losses", "plr", "bler", "reliability", "reliable", "errors",
            "error");
    static final Set<String> LOAD = words("load", "loaded", "utilisation", "utilization", "utilised", "utilized",
            "busy", "usage", "occupancy", "traffic", "idle", "quiet", "empty");
    static final Set<String> DOWNLINK = words("downlink", "dl", "download", "downloads", "down", "downstream");
    static final Set<String> UPLINK = words("uplink", "ul", "upload", "uploads", "up", "upstream");

    // ---------------------------------------------------------------- energy

    static final Set<String> SLEEP = forms("sleep", "hibernate", "deactivate", "disable", "doze", "idle");
    static final Set<String> SLEEP_ADJ = words("asleep", "dormant", "standby", "sleeping", "off", "offline");
    static final Set<String> OFF_VERBS = forms("switch", "turn", "shut", "power", "take", "put", "bring", "send",
            "set", "close");
    static final Set<String> ENERGY = words("energy", "eco", "green", "consumption", "electricity", "saving",
            "savings");
    static final Set<String> SAVE = forms("save", "conserve", "economize", "economise", "spare");

    // ---------------------------------------------------------------- steering

    static final Set<String> STEER = forms("steer", "handover", "offload", "redirect", "direct", "migrate",
            "reroute", "route", "divert", "balance", "attract", "attach", "camp", "reselect", "drain", "shift",
            "push", "move", "send", "transfer");
    static final Set<String> HANDOVER = words("handover", "handovers", "ho", "hand", "handoff", "handoffs",
            "handed", "handing", "hands", "mobility", "reselection", "reselections");
    static final Set<String> PREFER = union(forms("prefer", "favour", "favor", "prioritize", "prioritise", "privilege",
            "encourage", "attract", "welcome"), words("preferred", "preferring", "preferable", "preference", "preferably", "preferentially"));
    static final Set<String> AVOID = forms("avoid", "deprioritize", "deprioritise", "discourage", "drain",
            "evacuate", "relieve", "unload", "empty", "offload");
    static final Set<String> FORBID = forms("forbid", "block", "bar", "prohibit", "disallow", "deny", "ban",
            "prevent", "exclude", "blacklist", "blocklist", "stop");
    static final Set<String> FORBID_FORMS = words("forbidden", "forbade", "barred", "banned");
    static final Set<String> TRAFFIC_NOUNS = words("traffic", "users", "user", "ues", "ue", "devices", "device",
            "subscribers", "customers", "terminals", "phones", "connections", "sessions", "calls", "flows");

    // ---------------------------------------------------------------- grammar words

    static final Set<String> NEGATION = words("not", "never", "no", "nothing", "neither", "nor", "without");
    static final Set<String> SUBORDINATE = words("to", "by", "when", "where", "whenever", "wherever", "if",
            "while", "during", "at", "from", "between", "for", "unless", "so", "because", "as", "in", "on",
            "once", "until", "till", "after", "before", "whose", "which", "that", "with");
    static final Set<String> QUESTION_START = words("what", "how", "why", "when", "who", "whom", "which", "where",
            "is", "are", "does", "do", "did", "was", "were", "can", "could", "will", "would", "shall", "has",
            "have");
    static final Set<String> FILLER = words("please", "kindly", "then", "also", "and", "now", "just", "ok", "okay");
    static final Set<String> MODAL = words("must", "should", "shall", "will", "needs", "need", "has", "have",
            "may", "can", "could", "would", "ought");

    /** Every verb the grammar knows: a fragment with one of these can stand as its own clause. */
    static final Set<String> ACTION_VERBS;

    static {
        Set<String> all = new HashSet<>();
        for (Set<String> s : List.of(DECREASE, INCREASE, SET, CAP, GUARANTEE, USE, SLEEP, SAVE, STEER, PREFER, AVOID,
                FORBID, OFF_VERBS, forms("let", "allow", "enable", "activate", "wake", "ensure", "protect",
                        "prevent", "dedicate", "sleep", "steer"))) {
            all.addAll(s);
        }
        ACTION_VERBS = Set.copyOf(all);
    }
}
