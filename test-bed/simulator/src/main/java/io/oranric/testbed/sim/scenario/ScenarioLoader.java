package io.oranric.testbed.sim.scenario;

import io.oranric.testbed.sim.model.CellSpec;
import io.oranric.testbed.sim.model.DiurnalProfile;
import io.oranric.testbed.sim.model.EnergyProfile;
import io.oranric.testbed.sim.model.Environment;
import io.oranric.testbed.sim.model.FlowSpec;
import io.oranric.testbed.sim.model.GnbSpec;
import io.oranric.testbed.sim.model.HandoverSpec;
import io.oranric.testbed.sim.model.MobilitySpec;
import io.oranric.testbed.sim.model.NetworkSpec;
import io.oranric.testbed.sim.model.NrBand;
import io.oranric.testbed.sim.model.NrTables;
import io.oranric.testbed.sim.model.Plmn;
import io.oranric.testbed.sim.model.PrbQuota;
import io.oranric.testbed.sim.model.RadioSpec;
import io.oranric.testbed.sim.model.SliceSpec;
import io.oranric.testbed.sim.model.Snssai;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads scenario files (YAML; JSON works too, it parses as YAML) into a {@link NetworkSpec}.
 *
 * <p>Every problem, syntax or meaning, is a {@link ScenarioException} naming the file, line, column and the
 * dotted field path. Unknown fields are errors (a typo must not silently fall back to a default). The format is
 * described in the module's README ({@code test-bed/simulator/README.md}); the shipped scenarios are examples.
 */
public final class ScenarioLoader {

    /** Scenarios shipped as resources under {@code scenarios/}. */
    public static final List<String> BUILT_IN = List.of("lab-default", "dense-urban", "night-low-load",
            "load-1000-cells");

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException ex) {
            throw new ScenarioException(file.toString(), 0, 0, "", "cannot read: " + ex.getMessage());
        }
    }

    /** One of {@link #BUILT_IN}, from the classpath. */
    public static Scenario builtIn(String name) {
        String res = "scenarios/" + name + ".yaml";
        InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(res);
        if (in == null) {
            throw new ScenarioException("classpath:" + res, 0, 0, "", "no such built-in scenario (known: "
                    + String.join(", ", BUILT_IN) + ")");
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, "classpath:" + res);
        } catch (IOException ex) {
            throw new ScenarioException("classpath:" + res, 0, 0, "", "cannot read: " + ex.getMessage());
        }
    }

    public static Scenario parse(String text, String sourceName) {
        return parse(new StringReader(text), sourceName);
    }

    public static Scenario parse(Reader reader, String sourceName) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException ex) {
            Mark m = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            throw new ScenarioException(sourceName, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "", "YAML syntax: " + ex.getProblem());
        } catch (YAMLException ex) {
            throw new ScenarioException(sourceName, 0, 0, "", "YAML: " + ex.getMessage());
        }
        if (root == null) {
            throw new ScenarioException(sourceName, 1, 1, "", "empty scenario file");
        }
        return new Reading(sourceName).scenario(new YNode(root, "", sourceName));
    }

    /** State of one parse: the scenario-wide values that later sections default to. */
    private static final class Reading {
        private final String source;
        private double isd = 500;

        Reading(String source) {
            this.source = source;
        }

        Scenario scenario(YNode rootNode) {
            YNode.YMap root = rootNode.map();
            String name = root.req("name").str();
            String description = root.str("description", "");
            long seed = root.longValue("seed", 1);

            int tickMs = 10;
            LocalTime start = LocalTime.of(12, 0);
            double speedup = 1;
            if (root.has("time")) {
                YNode.YMap t = root.req("time").map();
                tickMs = t.integer("tickMs", tickMs);
                if (tickMs < 1 || tickMs > 1000) {
                    throw t.req("tickMs").error("tick must be 1..1000 ms");
                }
                start = t.opt("startTimeOfDay").map(this::timeOfDay).orElse(start);
                speedup = t.num("clockSpeedup", speedup);
                if (speedup < 0) {
                    throw t.req("clockSpeedup").error("must be >= 0");
                }
                t.done();
            }

            Plmn plmn = Plmn.lab();
            if (root.has("plmn")) {
                YNode pn = root.req("plmn");
                YNode.YMap p = pn.map();
                String mcc = p.req("mcc").str();
                String mnc = p.req("mnc").str();
                plmn = build(pn, () -> new Plmn(mcc, mnc));
                p.done();
            }

            RadioSpec radio = root.opt("radio").map(this::radio).orElse(RadioSpec.defaults(Environment.UMA));
            HandoverSpec handover = root.opt("handover").map(this::handover).orElse(HandoverSpec.defaults());
            DiurnalProfile diurnal = root.opt("diurnal").map(this::diurnal)
                    .orElse(DiurnalProfile.typicalMobileBroadband());

            Topology topo = topology(root.req("topology"));
            List<SliceSpec> slices = new ArrayList<>();
            YNode slicesNode = root.req("slices");
            for (Map.Entry<String, YNode> en : slicesNode.map().all().entrySet()) {
                slices.add(slice(en.getKey(), en.getValue(), topo.cells.size()));
            }
            if (slices.isEmpty()) {
                throw slicesNode.error("at least one slice is needed");
            }
            root.done();
            LocalTime startOfDay = start;
            double clock = speedup;
            int tick = tickMs;
            Plmn plmnId = plmn;
            NetworkSpec spec = build(rootNode, () -> new NetworkSpec(name, seed, tick, startOfDay, clock, plmnId,
                    radio, handover, diurnal, topo.gnbs, topo.cells, slices));
            return new Scenario(name, description, source, spec);
        }

        private LocalTime timeOfDay(YNode n) {
            try {
                return LocalTime.parse(n.str());
            } catch (DateTimeParseException ex) {
                throw n.error("expected a time of day like \"08:30\", got '" + n.str() + "'");
            }
        }

        private RadioSpec radio(YNode n) {
            YNode.YMap m = n.map();
            Environment env = m.opt("environment").map(this::environment).orElse(Environment.UMA);
            RadioSpec d = RadioSpec.defaults(env);
            RadioSpec r = build(n, () -> new RadioSpec(env,
                    m.num("ueHeightM", d.ueHeightM()),
                    m.num("ueNoiseFigureDb", d.ueNoiseFigureDb()),
                    m.num("gnbNoiseFigureDb", d.gnbNoiseFigureDb()),
                    m.num("ueMaxTxPowerDbm", d.ueMaxTxPowerDbm()),
                    m.num("ulP0DbmPerPrb", d.ulP0DbmPerPrb()),
                    m.num("ulAlpha", d.ulAlpha()),
                    m.num("candidateRadiusM", d.candidateRadiusM()),
                    m.integer("maxCandidates", d.maxCandidates()),
                    m.num("gainRefreshM", d.gainRefreshM()),
                    m.num("idleInterferenceLoad", d.idleInterferenceLoad()),
                    m.num("firstTxBler", d.firstTxBler()),
                    m.integer("harqMaxTx", d.harqMaxTx()),
                    m.num("tddDlFraction", d.tddDlFraction()),
                    m.num("tddUlFraction", d.tddUlFraction())));
            m.done();
            return r;
        }

        private Environment environment(YNode n) {
            String s = n.str().toUpperCase(Locale.ROOT);
            try {
                return Environment.valueOf(s);
            } catch (IllegalArgumentException ex) {
                throw n.error("unknown environment '" + n.str() + "' (UMa or UMi)");
            }
        }

        private HandoverSpec handover(YNode n) {
            YNode.YMap m = n.map();
            HandoverSpec d = HandoverSpec.defaults();
            HandoverSpec h = build(n, () -> new HandoverSpec(
                    m.num("hysteresisDb", d.hysteresisDb()),
                    m.num("a3OffsetDb", d.a3OffsetDb()),
                    m.longValue("tttMs", d.tttMs()),
                    m.num("qRxLevMinDbm", d.qRxLevMinDbm()),
                    m.longValue("interruptionMs", d.interruptionMs()),
                    m.longValue("t310Ms", d.t310Ms()),
                    m.longValue("inactivityTimerMs", d.inactivityTimerMs())));
            m.done();
            return h;
        }

        private DiurnalProfile diurnal(YNode n) {
            YNode.YMap m = n.map();
            double scale = m.num("scale", 1.0);
            DiurnalProfile base = DiurnalProfile.typicalMobileBroadband();
            if (m.has("profile")) {
                YNode p = m.req("profile");
                if (p.isList()) {
                    List<YNode> items = p.list();
                    if (items.size() != 24) {
                        throw p.error("a profile lists 24 hourly values, got " + items.size());
                    }
                    double[] h = new double[24];
                    for (int i = 0; i < 24; i++) {
                        h[i] = items.get(i).num();
                        if (h[i] < 0) {
                            throw items.get(i).error("hourly factors must be >= 0");
                        }
                    }
                    base = new DiurnalProfile(h, 1.0);
                } else {
                    base = switch (p.str()) {
                        case "typical" -> DiurnalProfile.typicalMobileBroadband();
                        case "flat" -> DiurnalProfile.flat();
                        default -> throw p.error("profile is 'typical', 'flat' or a list of 24 numbers");
                    };
                }
            }
            if (scale < 0) {
                throw m.req("scale").error("must be >= 0");
            }
            m.done();
            return new DiurnalProfile(base.hourly(), scale);
        }

        // -------------------------------------------------------------------------------------- topology

        private record Topology(List<GnbSpec> gnbs, List<CellSpec> cells) {
        }

        private Topology topology(YNode n) {
            YNode.YMap m = n.map();
            String layout = m.str("layout", "hex");
            int gnbIdBits = m.integer("gnbIdBits", 22);
            if (gnbIdBits < 22 || gnbIdBits > 32) {
                throw m.req("gnbIdBits").error("gNB ID length must be 22..32 bits");
            }
            YNode.YMap defaults = m.opt("cellDefaults").map(YNode::map).orElse(null);
            Topology t = switch (layout) {
                case "hex" -> hex(m, defaults, gnbIdBits);
                case "explicit" -> explicit(m, defaults, gnbIdBits);
                default -> throw m.req("layout").error("layout is 'hex' or 'explicit', got '" + layout + "'");
            };
            if (defaults != null) {
                defaults.done();
            }
            m.done();
            return t;
        }

        private Topology hex(YNode.YMap m, YNode.YMap defaults, int gnbIdBits) {
            int rings = m.integer("rings", 1);
            if (rings < 0 || rings > 30) {
                throw m.req("rings").error("rings must be 0..30");
            }
            isd = m.num("interSiteDistanceM", 500);
            if (isd <= 0) {
                throw m.req("interSiteDistanceM").error("must be > 0");
            }
            int sectors = m.integer("sectorsPerSite", 1);
            if (sectors != 1 && sectors != 3) {
                throw m.req("sectorsPerSite").error("1 (omni) or 3 sectors per site");
            }
            long firstGnbId = m.longValue("firstGnbId", 1);
            List<double[]> sites = hexSites(rings, isd);
            Map<String, YNode> overrides = m.opt("overrides").map(o -> o.map().all()).orElse(Map.of());
            List<GnbSpec> gnbs = new ArrayList<>();
            List<CellSpec> cells = new ArrayList<>();
            double dropRadius = isd / Math.sqrt(3);
            for (int s = 0; s < sites.size(); s++) {
                String gnb = "gnb-" + (s + 1);
                long gid = firstGnbId + s;
                YNode at = m.self;
                gnbs.add(build(at, () -> new GnbSpec(gnb, gid, gnbIdBits)));
                for (int k = 0; k < sectors; k++) {
                    String id = "cell-" + (cells.size() + 1);
                    double az = sectors == 1 ? Double.NaN : 30 + 120 * k;
                    int pci = (sectors == 1 ? s : 3 * s + k) % 1008;
                    YNode.YMap ov = overrides.containsKey(id) ? overrides.get(id).map() : null;
                    cells.add(cell(id, gnb, k + 1, pci, sites.get(s)[0], sites.get(s)[1], az, dropRadius, defaults,
                            ov, ov != null ? overrides.get(id) : m.self));
                    if (ov != null) {
                        ov.done();
                    }
                }
            }
            for (Map.Entry<String, YNode> en : overrides.entrySet()) {
                if (cells.stream().noneMatch(c -> c.id().equals(en.getKey()))) {
                    throw en.getValue().error("override for unknown cell '" + en.getKey() + "' (the layout has cell-1.."
                            + "cell-" + cells.size() + ")");
                }
            }
            return new Topology(gnbs, cells);
        }

        /** Site centres of a hexagonal grid: the centre, then ring by ring counter-clockwise from east. */
        static List<double[]> hexSites(int rings, double isd) {
            List<double[]> out = new ArrayList<>();
            out.add(new double[] {0, 0});
            for (int k = 1; k <= rings; k++) {
                for (int j = 0; j < 6; j++) {
                    double a0 = Math.toRadians(60 * j);
                    double a1 = Math.toRadians(60 * (j + 1));
                    double x0 = k * isd * Math.cos(a0);
                    double y0 = k * isd * Math.sin(a0);
                    double x1 = k * isd * Math.cos(a1);
                    double y1 = k * isd * Math.sin(a1);
                    for (int t = 0; t < k; t++) {
                        double f = (double) t / k;
                        out.add(new double[] {round(x0 + f * (x1 - x0)), round(y0 + f * (y1 - y0))});
                    }
                }
            }
            return out;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }

        private Topology explicit(YNode.YMap m, YNode.YMap defaults, int gnbIdBits) {
            isd = m.num("interSiteDistanceM", isd);
            YNode cellsNode = m.req("cells");
            List<CellSpec> cells = new ArrayList<>();
            Map<String, Long> gnbIds = new LinkedHashMap<>();
            if (m.has("gnbs")) {
                for (YNode g : m.req("gnbs").list()) {
                    YNode.YMap gm = g.map();
                    String gname = gm.req("name").str();
                    long gid = gm.req("gnbId").longValue();
                    if (gnbIds.put(gname, gid) != null) {
                        throw g.error("duplicate gNB " + gname);
                    }
                    gm.done();
                }
            }
            int i = 0;
            Map<String, Integer> localIds = new LinkedHashMap<>();
            for (YNode cn : cellsNode.list()) {
                YNode.YMap c = cn.map();
                String id = c.str("id", "cell-" + (i + 1));
                String gnb = c.str("gnb", "gnb-" + (i + 1));
                int local = c.integer("cellLocalId", localIds.merge(gnb, 1, Integer::sum));
                int pci = c.integer("pci", i % 1008);
                double x = c.req("x").num();
                double y = c.req("y").num();
                double az = c.num("azimuthDeg", Double.NaN);
                double drop = c.num("dropRadiusM", isd / Math.sqrt(3));
                cells.add(cell(id, gnb, local, pci, x, y, az, drop, defaults, c, cn));
                c.done();
                if (!gnbIds.containsKey(gnb)) {
                    gnbIds.put(gnb, defaultGnbId(gnb, gnbIds.size() + 1L));
                }
                i++;
            }
            if (cells.isEmpty()) {
                throw cellsNode.error("at least one cell is needed");
            }
            List<GnbSpec> gnbs = new ArrayList<>();
            for (Map.Entry<String, Long> en : gnbIds.entrySet()) {
                gnbs.add(build(cellsNode, () -> new GnbSpec(en.getKey(), en.getValue(), gnbIdBits)));
            }
            return new Topology(gnbs, cells);
        }

        private static long defaultGnbId(String name, long fallback) {
            if (name.matches("gnb-\\d+")) {
                return Long.parseLong(name.substring(4));
            }
            return fallback;
        }

        /** A cell from the defaults section and the cell's own fields (own fields win). */
        private CellSpec cell(String id, String gnb, int local, int pci, double x, double y, double az,
                              double dropRadius, YNode.YMap defaults, YNode.YMap own, YNode at) {
            Field f = new Field(defaults, own);
            NrBand band = f.node("band").map(n -> NrBand.byName(n.str())
                    .orElseThrow(() -> n.error("unknown band '" + n.str() + "' (known: n1, n3, n28, n41, n77, n78, n79)")))
                    .orElse(NrBand.N78);
            int scs = f.integer("scsKHz", 30);
            int bw = f.integer("bandwidthMHz", 40);
            int arfcn = f.integer("arfcnDl", 630000);
            double tx = f.num("txPowerDbm", 43);
            double txMin = f.num("minTxPowerDbm", 10);
            double txMax = f.num("maxTxPowerDbm", 46);
            double height = f.num("heightM", 25);
            double gain = f.num("antennaGainDbi", 8);
            int layers = f.integer("mimoLayers", 4);
            int cqiTable = f.integer("cqiTable", 2);
            EnergyProfile energy = f.node("energy").map(this::energy).orElse(EnergyProfile.macro());
            double weight = f.num("ueWeight", 1.0);
            double drop = f.num("dropRadiusM", dropRadius);
            double cio = f.num("cioDb", 0);
            boolean asleep = f.bool("asleep", false);
            double azimuth = f.num("azimuthDeg", az);
            checkCarrier(f, band, scs, bw, arfcn);
            checkPower(f, tx, txMin, txMax);
            YNode where = own != null ? at : (defaults != null ? defaults.self : at);
            return build(where, () -> new CellSpec(id, gnb, local, pci, x, y, height, azimuth, gain, band, arfcn, scs,
                    bw, tx, txMin, txMax, layers, cqiTable, energy, weight, drop, cio, asleep));
        }

        /** Carrier checks with the error on the field that breaks them. */
        private static void checkCarrier(Field f, NrBand band, int scs, int bw, int arfcn) {
            if (NrTables.maxPrbs(scs, bw) < 0 || !band.allowsBandwidth(scs, bw)) {
                YNode at = f.node("bandwidthMHz").or(() -> f.node("scsKHz")).orElse(null);
                String allowed = java.util.Arrays.stream(band.channelBandwidths(scs)).mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(", "));
                String msg = bw + " MHz at " + scs + " kHz is not a channel bandwidth of " + band.bandName()
                        + " (allowed: " + (allowed.isEmpty() ? "none at this spacing" : allowed) + ")";
                if (at != null) {
                    throw at.error(msg);
                }
            }
            if (!band.onRaster(arfcn, scs)) {
                f.node("arfcnDl").ifPresent(n -> {
                    throw n.error("NR-ARFCN " + arfcn + " is not on the " + scs + " kHz raster of " + band.bandName()
                            + " (" + band.firstArfcn() + ".." + band.lastArfcn() + ", step " + band.rasterStep(scs) + ")");
                });
            } else if (!band.carrierFits(arfcn, bw)) {
                YNode at = f.node("bandwidthMHz").or(() -> f.node("arfcnDl")).orElse(null);
                if (at != null) {
                    throw at.error("a " + bw + " MHz carrier at NR-ARFCN " + arfcn + " leaves " + band.bandName());
                }
            }
        }

        private static void checkPower(Field f, double tx, double min, double max) {
            if (tx < min || tx > max) {
                YNode at = f.node("txPowerDbm").or(() -> f.node("maxTxPowerDbm")).orElse(null);
                if (at != null) {
                    throw at.error("TX power " + tx + " dBm outside [" + min + ", " + max + "] dBm");
                }
            }
        }

        private EnergyProfile energy(YNode n) {
            if (n.isScalar()) {
                try {
                    return EnergyProfile.byName(n.str());
                } catch (IllegalArgumentException ex) {
                    throw n.error(ex.getMessage());
                }
            }
            YNode.YMap m = n.map();
            EnergyProfile base = m.opt("base").map(b -> {
                try {
                    return EnergyProfile.byName(b.str());
                } catch (IllegalArgumentException ex) {
                    throw b.error(ex.getMessage());
                }
            }).orElse(EnergyProfile.macro());
            double microSleep = m.num("microSleepW", base.microSleepW());
            EnergyProfile e = build(n, () -> new EnergyProfile(m.str("name", base.name()),
                    m.integer("trxCount", base.trxCount()), m.num("p0W", base.p0W()), m.num("deltaP", base.deltaP()),
                    microSleep, m.num("deepSleepW", microSleep / 45.0), m.longValue("wakeUpMs", base.wakeUpMs())));
            m.done();
            return e;
        }

        // -------------------------------------------------------------------------------------- slices

        private SliceSpec slice(String name, YNode n, int cellCount) {
            YNode.YMap m = n.map();
            int sst = m.integer("sst", defaultSst(name));
            if (sst < 0 || sst > 255) {
                throw (m.has("sst") ? m.req("sst") : n).error("SST must be 0..255");
            }
            int sd = m.opt("sd").map(YNode::integer).orElse(Snssai.NO_SD);
            if (sd < 0 || sd > 0xFFFFFF) {
                throw m.req("sd").error("SD must be 0..0xFFFFFF");
            }
            int ues;
            if (m.has("ues") && m.has("uesPerCell")) {
                throw m.req("uesPerCell").error("give either 'ues' (whole network) or 'uesPerCell', not both");
            } else if (m.has("ues")) {
                ues = m.req("ues").integer();
            } else if (m.has("uesPerCell")) {
                ues = (int) Math.round(m.req("uesPerCell").num() * cellCount);
            } else {
                throw n.error("missing 'ues' (whole network) or 'uesPerCell'");
            }
            if (ues < 0) {
                throw n.error("UE count must be >= 0");
            }
            MobilitySpec mobility = m.opt("mobility").map(this::mobility).orElse(MobilitySpec.pedestrian(isd / 2));
            FlowSpec dl = FlowSpec.none();
            FlowSpec ul = FlowSpec.none();
            if (m.has("traffic")) {
                YNode.YMap t = m.req("traffic").map();
                dl = t.opt("dl").map(this::flow).orElse(dl);
                ul = t.opt("ul").map(this::flow).orElse(ul);
                t.done();
            }
            double indoor = m.num("indoorFraction", 0);
            int layers = m.integer("ueLayersDl", 2);
            double buffer = m.num("bufferBytes", 1_000_000);
            double discard = m.num("discardTimerMs", 0);
            PrbQuota quota = m.opt("quota").map(this::quota).orElse(PrbQuota.UNRESTRICTED);
            DiurnalProfile diurnal = m.opt("diurnal").map(this::diurnal).orElse(null);
            FlowSpec fdl = dl;
            FlowSpec ful = ul;
            int count = ues;
            SliceSpec s = build(n, () -> new SliceSpec(name, new Snssai(sst, sd), count, mobility, fdl, ful, indoor,
                    layers, buffer, discard, quota, diurnal));
            m.done();
            return s;
        }

        private static int defaultSst(String name) {
            return switch (name) {
                case "embb" -> 1;
                case "urllc" -> 2;
                case "miot" -> 3;
                default -> 1;
            };
        }

        private MobilitySpec mobility(YNode n) {
            YNode.YMap m = n.map();
            double[] speed = range(m, "speedMps", new double[] {0.5, 1.5});
            double[] pause = range(m, "pauseS", new double[] {0, 30});
            MobilitySpec s = build(n, () -> new MobilitySpec(speed[0], speed[1], pause[0], pause[1],
                    m.num("staticFraction", 0), m.num("roamRadiusM", isd / 2)));
            m.done();
            return s;
        }

        /** A number or a [min, max] pair. */
        private static double[] range(YNode.YMap m, String key, double[] def) {
            if (!m.has(key)) {
                return def;
            }
            YNode n = m.req(key);
            if (n.isList()) {
                List<YNode> l = n.list();
                if (l.size() != 2) {
                    throw n.error("expected [min, max]");
                }
                double lo = l.get(0).num();
                double hi = l.get(1).num();
                if (hi < lo) {
                    throw n.error("max " + hi + " below min " + lo);
                }
                return new double[] {lo, hi};
            }
            double v = n.num();
            return new double[] {v, v};
        }

        private FlowSpec flow(YNode n) {
            YNode.YMap m = n.map();
            String model = m.req("model").str();
            FlowSpec f = switch (model) {
                case "none" -> FlowSpec.none();
                case "full-buffer" -> build(n, () -> FlowSpec.fullBuffer(m.num("packetBytes", 1500)));
                case "poisson" -> build(n, () -> FlowSpec.poisson(m.req("packetBytes").num(),
                        m.req("packetsPerS").num()));
                case "ftp", "bursty" -> build(n, () -> FlowSpec.bursty(m.req("burstBytes").num(),
                        m.req("burstsPerS").num(), m.num("packetBytes", 1500)));
                default -> throw m.req("model").error("traffic model is none, full-buffer, poisson or ftp; got '"
                        + model + "'");
            };
            m.done();
            return f;
        }

        private PrbQuota quota(YNode n) {
            YNode.YMap m = n.map();
            PrbQuota q = new PrbQuota(m.num("minPct", 0), m.num("maxPct", 100), m.num("dedicatedPct", 0));
            q.problem().ifPresent(p -> {
                throw n.error(p);
            });
            m.done();
            return q;
        }

        /** Runs a constructor that validates; its complaint becomes an error at the node. */
        private static <T> T build(YNode at, Supplier<T> ctor) {
            try {
                return ctor.get();
            } catch (ScenarioException ex) {
                throw ex;
            } catch (IllegalArgumentException ex) {
                throw at.error(ex.getMessage());
            }
        }
    }

    /** Looks a cell field up in the cell's own mapping first, then in cellDefaults. */
    private record Field(YNode.YMap defaults, YNode.YMap own) {

        java.util.Optional<YNode> node(String key) {
            java.util.Optional<YNode> o = own != null ? own.opt(key) : java.util.Optional.empty();
            java.util.Optional<YNode> d = defaults != null ? defaults.opt(key) : java.util.Optional.empty();
            return o.isPresent() ? o : d;
        }

        double num(String key, double def) {
            return node(key).map(YNode::num).orElse(def);
        }

        int integer(String key, int def) {
            return node(key).map(YNode::integer).orElse(def);
        }

        boolean bool(String key, boolean def) {
            return node(key).map(YNode::bool).orElse(def);
        }
    }
}
