package io.oranric.agent.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The policy service's REST interface ({@code ./ric policy serve}, default http://127.0.0.1:8081). */
public final class RestPolicyGateway implements PolicyGateway {

    public static final String DEFAULT_URL = "http://127.0.0.1:8081";
    private static final String ACTOR_HEADER = "X-Ric-Actor";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public RestPolicyGateway(String url) {
        this(url, Duration.ofSeconds(30));
    }

    public RestPolicyGateway(String url, Duration timeout) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI b;
        try {
            b = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy URL " + url + " is not a URL", e);
        }
        if (b.getScheme() == null || b.getHost() == null) {
            throw new IllegalArgumentException("policy URL " + url + " needs the form http://HOST:PORT");
        }
        this.base = b;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Decision submit(Policy policy, String actor) {
        return decision(call("POST", "/policies", PolicyJson.write(policy), actor), policy.policyId());
    }

    @Override
    public Decision put(Policy policy, String actor) {
        return decision(call("PUT", "/a1-p/policytypes/" + enc(policy.type().wireName()) + "/policies/" + enc(policy.policyId()),
                PolicyJson.write(policy), actor), policy.policyId());
    }

    @Override
    public Decision activate(String policyId, String actor) {
        return decision(call("POST", "/policies/" + enc(policyId) + "/activate", null, actor), policyId);
    }

    @Override
    public Decision reject(String policyId, String reason, String actor) {
        String body = reason == null ? null : MAPPER.createObjectNode().put("reason", reason).toString();
        return decision(call("POST", "/policies/" + enc(policyId) + "/reject", body, actor), policyId);
    }

    @Override
    public List<Stored> list() {
        Reply r = call("GET", "/policies", null, "agent");
        if (r.status != 200 || !r.body.isArray()) {
            throw new Unavailable("GET /policies at " + base + " answered " + r.status + ": " + r.text, null);
        }
        List<Stored> out = new ArrayList<>();
        for (JsonNode s : r.body) {
            try {
                out.add(new Stored(PolicyJson.fromNode(s.path("policy")), s.path("status").asText(), s.path("inEffect").asBoolean()));
            } catch (RuntimeException e) {
                // one policy the agent cannot read must not hide the others from it
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return base.toString();
    }

    private record Reply(int status, JsonNode body, String text) {
    }

    private Decision decision(Reply r, String policyId) {
        JsonNode b = r.body;
        if (r.status >= 200 && r.status < 300) {
            return new Decision(b.path("policyId").asText(policyId), b.path("version").asInt(1), b.path("status").asText(),
                    b.hasNonNull("reason") ? b.path("reason").asText() : null);
        }
        if (r.status == 400 || r.status == 404 || r.status == 409) {
            String detail = b.path("detail").asText(r.text);
            String status = b.path("policyStatus").asText(r.status == 404 ? "UNKNOWN" : "REJECTED");
            return new Decision(b.path("policyId").asText(policyId), b.path("version").asInt(0), status,
                    b.path("title").asText("HTTP " + r.status) + ": " + detail);
        }
        throw new Unavailable("the policy service at " + base + " answered " + r.status + ": " + b.path("detail").asText(r.text), null);
    }

    private Reply call(String method, String path, String body, String actor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json").header(ACTOR_HEADER, actor);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unavailable("cannot reach the policy service at " + base
                    + " (start one with ./ric policy serve, or give --policy-url / RIC_POLICY_URL)", e);
        } catch (HttpTimeoutException e) {
            throw new Unavailable("the policy service at " + base + " did not answer " + method + " " + path + " in time", e);
        } catch (IOException e) {
            throw new Unavailable("talking to the policy service at " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        JsonNode json;
        try {
            json = r.body() == null || r.body().isBlank() ? MAPPER.missingNode() : MAPPER.readTree(r.body());
        } catch (IOException e) {
            json = MAPPER.missingNode();
        }
        return new Reply(r.statusCode(), json, r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
