package io.zenapi.zendesk.pagination;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Fixture of the pagination tests: a WireMock server per test, a client on it, page stubs and the request log. */
abstract class PaginationWireMockSupport {
  static final String AUTHORIZATION = "Basic "
      + Base64.getEncoder().encodeToString("agent@example.com:pw".getBytes(StandardCharsets.UTF_8));

  static WireMockServer server;
  ZendeskClient client;

  /**
   * A server of its own for each test: a page a previous test's walk requested ahead and never read cannot reach
   * this test's request log, whenever it arrives.
   */
  @BeforeEach
  void newServerAndClient() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = clientWith(RetryPolicy.defaults());
  }

  @AfterEach
  void closeClientAndServer() {
    client.close();
    server.stop();
  }

  static ZendeskClient clientWith(RetryPolicy policy) {
    return ZendeskClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(Credentials.basic("agent@example.com", "pw"))
        .retryPolicy(policy)
        .sleeper(d -> {})
        .build();
  }

  // ---- stubs -------------------------------------------------------------------------------------------------

  /**
   * A GET stub on {@code path} whose query must hold each name/value pair of {@code query}; a null value means
   * the parameter must be absent.
   */
  static MappingBuilder page(String path, String... query) {
    MappingBuilder b = get(urlPathEqualTo(path));
    for (int i = 0; i < query.length; i += 2) {
      b = b.withQueryParam(query[i], query[i + 1] == null ? absent() : equalTo(query[i + 1]));
    }
    return b;
  }

  static void serve(MappingBuilder mapping, String json) {
    server.stubFor(mapping.willReturn(json(json)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  // ---- bodies ------------------------------------------------------------------------------------------------

  /** {@code "key":[{"id":from},...,{"id":to}]} items, with a subject/name so that they look like the real ones. */
  static String items(String key, long from, long to) {
    return "\"" + key + "\":[" + LongStream.rangeClosed(from, to)
        .mapToObj(id -> "{\"id\":" + id + ",\"subject\":\"Ticket " + id + "\",\"name\":\"Item " + id
            + "\",\"url\":\"" + server.baseUrl() + "/api/v2/items/" + id + ".json\"}")
        .collect(Collectors.joining(",")) + "]";
  }

  static List<Long> ids(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** A cursor page as Zendesk writes it: the items, meta.has_more/after_cursor and links.next (or null). */
  static String cursorPage(String key, long from, long to, boolean hasMore, String afterCursor, String next) {
    return "{" + items(key, from, to) + ",\"meta\":{\"has_more\":" + hasMore + ",\"after_cursor\":"
        + quote(afterCursor) + ",\"before_cursor\":\"b" + from + "\"},\"links\":{\"next\":" + quote(next)
        + ",\"prev\":" + quote(server.baseUrl() + "/api/v2/prev") + "}}";
  }

  static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- the request log ---------------------------------------------------------------------------------------

  /** The requests WireMock received, oldest first. */
  static List<LoggedRequest> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    return events.stream().map(ServeEvent::getRequest).toList();
  }

  /**
   * Each request as {@code METHOD path?name=value&...} with the query decoded and sorted by name (the order of
   * query parameters carries no meaning), oldest first.
   */
  static List<String> requestLines() {
    return requests().stream().map(PaginationWireMockSupport::line).toList();
  }

  static String line(LoggedRequest r) {
    HttpUrl url = HttpUrl.get("http://wiremock" + r.getUrl());
    TreeMap<String, List<String>> params = new TreeMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      params.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>()).add(url.queryParameterValue(i));
    }
    String query = params.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
        .collect(Collectors.joining("&"));
    return r.getMethod().getName() + " " + url.encodedPath() + (query.isEmpty() ? "" : "?" + query);
  }

  /** Asserts the whole ordered request sequence, and that every request carried the client's credentials. */
  static void assertRequests(List<String> expected) {
    List<LoggedRequest> requests = requests();
    assertEquals(expected, requestLines(), "the ordered request sequence");
    assertEquals(expected.size(), requests.size(), "the number of requests");
    for (LoggedRequest r : requests) {
      assertEquals(AUTHORIZATION, r.getHeader("Authorization"), "Authorization of " + r.getUrl());
    }
  }

  static void assertNoRequest() {
    assertEquals(List.of(), requestLines(), "no request expected");
  }
}
