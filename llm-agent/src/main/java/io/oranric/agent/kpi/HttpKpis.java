package io.oranric.agent.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KPM monitor xApp over HTTP ({@code GET /kpm/cells...}, JSON); answers cover the monitor's window. */
public final class HttpKpis implements KpiSource {

    private static final ObjectMapper M = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration monitorWindow;

    public HttpKpis(String baseUrl, Duration monitorWindow) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.monitorWindow = monitorWindow;
    }

    @Override
    public List<Kpis> cells(Duration window) {
        JsonNode a = get("/kpm/cells").orElse(M.createArrayNode());
        List<Kpis> out = new ArrayList<>();
        for (JsonNode c : a) {
            out.add(new Kpis(c.path("cell").asText(), null, stats(c.path("metrics")), monitorWindow));
        }
        return out;
    }

    @Override
    public Optional<Kpis> cell(String cell, Duration window) {
        return get("/kpm/cells/" + enc(cell)).map(c -> new Kpis(cell, null, stats(c.path("metrics")), monitorWindow));
    }

    @Override
    public Optional<Kpis> slice(String cell, String slice, Duration window) {
        return get("/kpm/cells/" + enc(cell) + "/slices/" + enc(slice)).map(c -> new Kpis(cell, slice, stats(c.path("metrics")), monitorWindow));
    }

    @Override
    public String describe() {
        return "KPM monitor xApp at " + base;
    }

    private Optional<JsonNode> get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return Optional.empty();
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("KPM monitor " + base + path + " answered " + r.statusCode());
            }
            return Optional.of(M.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the KPM monitor at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Stat> stats(JsonNode metrics) {
        Map<String, Stat> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            out.put(e.getKey(), new Stat(a.path("last").asDouble(Double.NaN), a.path("mean").asDouble(Double.NaN),
                    a.path("p95").asDouble(Double.NaN), a.path("min").asDouble(Double.NaN), a.path("max").asDouble(Double.NaN),
                    a.path("count").asInt()));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
