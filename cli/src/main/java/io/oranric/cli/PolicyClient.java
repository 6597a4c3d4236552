package io.oranric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * A small JSON-over-HTTP client of the RIC's REST interfaces: the policy service for the
 * {@code ./ric policy} commands, the intent agent for {@code ./ric intent --agent}.
 */
final class PolicyClient {
  static final String ACTOR_HEADER = "X-Ric-Actor";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The service could not be asked (not running, wrong URL, no answer). */
  static final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One answer: its status and JSON body (a missing node when it had none). */
  record Reply(int status, JsonNode body, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final URI base;
  private final String actor;
  private final String what;
  private final String hint;

  PolicyClient(String url, String actor) {
    this(url, actor, "the policy service", "start one with ./ric policy serve, or give --url / RIC_POLICY_URL");
  }

  /** A client of another service: {@code what} names it in errors, {@code hint} says how to get one running. */
  PolicyClient(String url, String actor, String what, String hint) {
    this.what = what;
    this.hint = hint;
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      this.base = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url " + url + " is not a URL", e);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new IllegalArgumentException("--url " + url + " needs the form http://HOST:PORT");
    }
    this.actor = actor;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  Reply get(String path) {
    return call("GET", path, null);
  }

  Reply call(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").header(ACTOR_HEADER, actor);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new Unreachable("cannot reach " + what + " at " + base + " (" + hint + ")", e);
    } catch (HttpTimeoutException e) {
      throw new Unreachable(what + " at " + base + " did not answer " + method + " " + path + " in time", e);
    } catch (IOException e) {
      throw new Unreachable("talking to " + what + " at " + base + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    }
    JsonNode json;
    try {
      json = r.body() == null || r.body().isBlank() ? MAPPER.missingNode() : MAPPER.readTree(r.body());
    } catch (IOException e) {
      json = MAPPER.missingNode();
    }
    return new Reply(r.statusCode(), json, r.body());
  }

  static String encode(String pathPart) {
    return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
