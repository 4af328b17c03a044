package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.millis;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection failures on a GET (reset, malformed chunk, empty response, garbage, a body cut short): retried, or ZendeskTransportException. */
class ConnectionFaultTest {
  private static final String SHOW = "/api/v2/tickets/1";
  private static final String LINE = expect("GET " + SHOW, BEARER, null);
  private static Harness h;

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    h.stop();
  }

  @BeforeEach
  void reset() {
    h.reset();
  }

  private static MappingBuilder show() {
    return get(urlPathEqualTo(SHOW));
  }

  private static TicketResponse showTicket(ZendeskClient client) {
    return client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "MALFORMED_RESPONSE_CHUNK", "EMPTY_RESPONSE",
      "RANDOM_DATA_THEN_CLOSE"})
  void faultOnFirstAttemptIsRetriedAndSucceeds(Fault fault) {
    h.sequence(ConnectionFaultTest::show, aResponse().withFault(fault), ticket1());
    ZendeskClient client = h.exactClient(3);

    TicketResponse r = showTicket(client);

    assertEquals(1L, r.getTicket().getId());
    assertEquals("Hello", r.getTicket().getSubject());
    assertEquals(repeat(2, LINE), h.requests());
    assertEquals(millis(500), h.sleeper.waits());
    assertTrue(h.log.stream().anyMatch(l -> l.startsWith("retry 1/2 of GET " + SHOW)), h.log.toString());
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "MALFORMED_RESPONSE_CHUNK", "EMPTY_RESPONSE",
      "RANDOM_DATA_THEN_CLOSE"})
  void faultOnEveryAttemptEndsInZendeskTransportException(Fault fault) {
    h.sequence(ConnectionFaultTest::show, aResponse().withFault(fault));
    ZendeskClient client = h.exactClient(3);

    ZendeskTransportException e = assertThrows(ZendeskTransportException.class, () -> showTicket(client));

    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().contains("GET " + SHOW), e.getMessage());
    assertFalse(e.getMessage().contains(Harness.OAUTH_TOKEN), e.getMessage());
    assertEquals(repeat(3, LINE), h.requests());
    assertEquals(millis(500, 1000), h.sleeper.waits());
  }

  // WireMock always sends a Content-Length that matches the body it has, so a body cut short by the connection
  // closing comes from a raw socket server: headers promising 5000 bytes, 19 sent, then the socket closes.

  private static String cutShort(String contentType) {
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: 5000\r\n"
        + "X-Zendesk-Request-Id: cut\r\n\r\n{\"ticket\":{\"id\":1,";
  }

  private static String complete() {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + Harness.TICKET_1.length()
        + "\r\nConnection: close\r\n\r\n" + Harness.TICKET_1;
  }

  @Test
  void jsonBodyCutShortIsRetriedAndSucceeds() throws Exception {
    try (RawServer raw = new RawServer(cutShort("application/json"), complete())) {
      ZendeskClient client = h.client(b -> b.baseUrl(raw.baseUrl())
          .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).build()));

      assertEquals(1L, showTicket(client).getTicket().getId());

      assertEquals(repeat(2, "GET " + SHOW + " | Authorization=" + BEARER), raw.requests());
      assertEquals(millis(500), h.sleeper.waits());
    }
  }

  @Test
  void jsonBodyCutShortOnEveryAttemptIsATransportFailure() throws Exception {
    try (RawServer raw = new RawServer(cutShort("application/json"))) {
      ZendeskClient client = h.client(b -> b.baseUrl(raw.baseUrl())
          .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).build()));

      ZendeskTransportException e = assertThrows(ZendeskTransportException.class, () -> showTicket(client));

      assertInstanceOf(IOException.class, e.getCause());
      assertEquals(repeat(3, "GET " + SHOW + " | Authorization=" + BEARER), raw.requests());
      assertEquals(millis(500, 1000), h.sleeper.waits());
    }
  }

  @Test
  void nonJsonBodyCutShortIsATransportFailureNotAMalformedBody() throws Exception {
    try (RawServer raw = new RawServer(cutShort("text/html"))) {
      ZendeskClient client = h.client(b -> b.baseUrl(raw.baseUrl())
          .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).build()));

      ZendeskTransportException e = assertThrows(ZendeskTransportException.class, () -> showTicket(client));

      assertInstanceOf(IOException.class, e.getCause());
      assertEquals(repeat(1, "GET " + SHOW + " | Authorization=" + BEARER), raw.requests());
    }
  }

  /** Answers each connection with the next canned raw response (the last repeats), then closes it. */
  private static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> responses;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    RawServer(String... responses) throws IOException {
      this.responses = List.of(responses);
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.acceptor = new Thread(this::serve, "raw-http-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    List<String> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    private void serve() {
      int n = 0;
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
              StandardCharsets.ISO_8859_1));
          String requestLine = in.readLine();
          String auth = "-";
          for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
            if (l.regionMatches(true, 0, "Authorization:", 0, 14)) {
              auth = l.substring(14).trim();
            }
          }
          String[] parts = requestLine.split(" ");
          requests.add(parts[0] + " " + parts[1] + " | Authorization=" + auth);
          OutputStream out = s.getOutputStream();
          out.write(responses.get(Math.min(n++, responses.size() - 1)).getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (IOException | RuntimeException e) {
          // closed, or a client that went away
        }
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join(2000);
    }
  }
}
