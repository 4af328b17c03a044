package io.zenapi.zendesk.mock;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.regex.Matcher;

/** One request as a route sees it: path groups, query parameters, JSON body, and the server's own origin. */
final class MockRequest {
  private final Request request;
  private final Matcher path;

  MockRequest(Request request, Matcher path) {
    this.request = request;
    this.path = path;
  }

  /** A path group of the route's pattern, as a long. */
  long pathId(int group) {
    return Long.parseLong(path.group(group));
  }

  /** A path group as text. */
  String pathText(int group) {
    return path.group(group);
  }

  /** A query parameter's first value, or null. */
  String query(String name) {
    QueryParameter p = request.queryParameter(name);
    return p != null && p.isPresent() ? p.firstValue() : null;
  }

  /** A query parameter as an int within bounds, or the default when absent. */
  int queryInt(String name, int dflt, int min, int max) {
    String v = query(name);
    if (v == null) {
      return dflt;
    }
    int n = Integer.parseInt(v.trim());
    return Math.max(min, Math.min(max, n));
  }

  /** The JSON body as an object (empty when there is none). */
  JsonObject body() {
    String text = request.getBodyAsString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    JsonElement e = JsonParser.parseString(text);
    return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  /** The query parameters that page a list; a page's links set them anew and keep every other one. */
  private static final java.util.Set<String> PAGING = java.util.Set.of("page", "per_page", "page[size]",
      "page[after]", "page[before]");

  /**
   * The request's query parameters but the paging ones, as sent (still encoded), each after a {@code &}: what a
   * link to another page of the same list carries over ({@code ""} when there is none).
   */
  String otherQuery() {
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q < 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String pair : url.substring(q + 1).split("&")) {
      String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
      if (!pair.isEmpty() && !PAGING.contains(name)) {
        out.append('&').append(pair);
      }
    }
    return out.toString();
  }

  /** The body's bytes (empty when there is none). */
  byte[] bodyBytes() {
    byte[] body = request.getBody();
    return body == null ? new byte[0] : body;
  }

  /** A request header's value, or null. */
  String header(String name) {
    return request.getHeader(name);
  }

  /** {@code http://127.0.0.1:port} of this server, for links in answers. */
  String origin() {
    String abs = request.getAbsoluteUrl();
    int slash = abs.indexOf('/', abs.indexOf("//") + 2);
    return slash < 0 ? abs : abs.substring(0, slash);
  }

  /** The request path without query and without a {@code .json} suffix. */
  String path() {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    return path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
  }
}
