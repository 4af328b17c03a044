package io.zenapi.zendesk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.WebhooksApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.WebhookCreateRequest;
import io.zenapi.zendesk.generated.model.WebhookInvocationObject;
import io.zenapi.zendesk.generated.model.WebhookObject;
import io.zenapi.zendesk.generated.model.WebhookPatchRequest;
import io.zenapi.zendesk.mock.MockZendesk;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A webhook made through the Webhooks API on the mock, a receiver of the README's, a ticket updated: one signed
 * delivery, verified by the library and read as a typed event; the invocation is listed through the API.
 */
class WebhooksEndToEndTest {
  @Test
  void aTicketUpdateIsDeliveredSignedVerifiedAndReadAsATypedEvent() throws Exception {
    BlockingQueue<WebhookEvent> received = new LinkedBlockingQueue<>();
    try (MockZendesk zendesk = MockZendesk.start(20); ZendeskClient client = zendesk.client()) {
      WebhooksApi webhooks = client.api(WebhooksApi.class);
      // made first (its secret is the receiver's), then pointed at the receiver once that has a port
      String id = client.execute(webhooks.createOrCloneWebhook(new WebhookCreateRequest().webhook(
          new WebhookObject().name("Ticket status").endpoint("http://127.0.0.1:9/not-yet").httpMethod("POST")
              .requestFormat("json").status("active")
              .subscriptions(List.of("zen:event-type:ticket.status_changed"))))).getWebhook().getId();
      String secret = client.execute(webhooks.showWebhookSigningSecret(id)).getSigningSecret().getSecret();
      HttpServer receiver = WebhookReceivingExamples.receive(secret, received::add);
      try {
        String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/zendesk-events";
        client.execute(webhooks.patchWebhook(id, new WebhookPatchRequest().webhook(new WebhookObject()
            .endpoint(endpoint))));
        zendesk.wireMock().verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/webhooks/" + id))
            .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                "application/merge-patch+json"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                "{\"webhook\":{\"endpoint\":\"" + endpoint + "\"}}")));
        long ticketId = zendesk.tickets().ids().stream()
            .filter(t -> !"solved".equals(zendesk.tickets().get(t).get("status").getAsString())).findFirst()
            .orElseThrow();
        String before = zendesk.tickets().get(ticketId).get("status").getAsString();

        client.execute(client.api(TicketsApi.class).updateTicket(ticketId, new TicketUpdateRequest()
            .ticket(new TicketObject().status("solved"))));

        WebhookEvent event = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "one delivery");
        assertTrue(zendesk.webhooks().awaitDeliveries(Duration.ofSeconds(10)));
        assertNull(received.poll(200, TimeUnit.MILLISECONDS), "and only one");
        assertEquals("zen:event-type:ticket.status_changed", event.type());
        assertEquals("zen:ticket:" + ticketId, event.subject());
        assertEquals(Long.toString(ticketId), event.ticket().orElseThrow().id());
        assertEquals("solved", event.ticket().orElseThrow().status());
        assertEquals(zendesk.tickets().get(ticketId).get("subject").getAsString(),
            event.ticket().orElseThrow().subject());
        assertEquals(1, event.eventJson().getAsJsonObject("meta").getAsJsonObject("sequence").get("position")
            .getAsInt());
        assertEquals("solved", event.change().orElseThrow().current(String.class));
        assertEquals(before, event.change().orElseThrow().previous(String.class));

        List<WebhookInvocationObject> invocations = client.execute(webhooks.listWebhookInvocations(id))
            .getInvocations();
        assertEquals(1, invocations.size());
        assertEquals("success", invocations.get(0).getStatus());
        assertEquals(200L, invocations.get(0).getStatusCode());
        assertEquals(1, client.execute(webhooks.listWebhookInvocationAttempts(id, invocations.get(0).getId()))
            .getAttempts().size());

        // a forged delivery to the same receiver is refused and never reaches the handler
        HttpResponse<Void> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
            .header(WebhookVerifier.SIGNATURE_HEADER, "AAAA").header(WebhookVerifier.TIMESTAMP_HEADER,
                Instant.now().toString()).POST(HttpRequest.BodyPublishers.ofString("{\"type\":"
                    + "\"zen:event-type:ticket.status_changed\"}")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(401, forged.statusCode());
        assertTrue(received.isEmpty());
      } finally {
        receiver.stop(0);
      }
    }
  }

  @Test
  void webhooksArePagedThroughWithTheCursorTheListGives() {
    try (MockZendesk zendesk = MockZendesk.start(5); ZendeskClient client = zendesk.client()) {
      WebhooksApi webhooks = client.api(WebhooksApi.class);
      List<String> made = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        made.add(client.execute(webhooks.createOrCloneWebhook(new WebhookCreateRequest().webhook(new WebhookObject()
            .name("hook " + i).endpoint("http://127.0.0.1:9/hook").httpMethod("POST").requestFormat("json")
            .subscriptions(List.of("zen:event-type:user.created"))))).getWebhook().getId());
      }
      zendesk.wireMock().resetRequests();

      List<String> listed = client.paginate(webhooks.listWebhooks(),
          io.zenapi.zendesk.generated.model.WebhooksResponse::getWebhooks).pageSize(2).readAhead(false).stream()
          .map(WebhookObject::getId).toList();

      assertEquals(made, listed);
      assertEquals(3, zendesk.requestCount(), "2 + 2 + 1");
    }
  }

  @Test
  void aWebhookToAnAddressOffLoopbackIsRefused() {
    try (MockZendesk zendesk = MockZendesk.start(5); ZendeskClient client = zendesk.client()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> client.execute(client.api(
          WebhooksApi.class).createOrCloneWebhook(new WebhookCreateRequest().webhook(new WebhookObject()
              .name("Out").endpoint("https://example.com/hook").httpMethod("POST").requestFormat("json")
              .subscriptions(List.of("zen:event-type:user.created"))))));
      assertEquals(422, e.status());
      assertTrue(e.getMessage().contains("loopback"), e.getMessage());
      assertEquals(0, zendesk.webhooks().count());
    }
  }

  @Test
  void theServletFilterLetsOnlyGenuineDeliveriesThrough() throws Exception {
    String secret = "filter-secret";
    byte[] body = "{\"type\":\"zen:event-type:user.created\",\"detail\":{\"id\":\"7\",\"role\":\"end-user\"}}"
        .getBytes(StandardCharsets.UTF_8);
    String timestamp = Instant.now().toString();
    WebhookReceivingExamples.ZendeskWebhookFilter filter = new WebhookReceivingExamples.ZendeskWebhookFilter(secret);

    Map<String, Object> attributes = new HashMap<>();
    int[] passed = {0};
    filter.doFilter(request(body, WebhookVerifier.sign(secret, timestamp, body), timestamp, attributes),
        response(new int[1]), (req, res) -> passed[0]++);
    assertEquals(1, passed[0]);
    WebhookEvent event = (WebhookEvent) attributes.get(WebhookEvent.class.getName());
    assertEquals("7", event.user().orElseThrow().id());

    int[] status = new int[1];
    filter.doFilter(request(body, WebhookVerifier.sign("wrong", timestamp, body), timestamp, attributes),
        response(status), (req, res) -> passed[0]++);
    assertEquals(1, passed[0], "a forged delivery stops at the filter");
    assertEquals(401, status[0]);
  }

  private static jakarta.servlet.http.HttpServletRequest request(byte[] body, String signature, String timestamp,
      Map<String, Object> attributes) {
    java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
    jakarta.servlet.ServletInputStream stream = new jakarta.servlet.ServletInputStream() {
      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(jakarta.servlet.ReadListener listener) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read() {
        return in.read();
      }
    };
    return (jakarta.servlet.http.HttpServletRequest) Proxy.newProxyInstance(WebhooksEndToEndTest.class
        .getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class}, (proxy, method, args) ->
        switch (method.getName()) {
          case "getInputStream" -> stream;
          case "getHeader" -> WebhookVerifier.SIGNATURE_HEADER.equals(args[0]) ? signature
              : WebhookVerifier.TIMESTAMP_HEADER.equals(args[0]) ? timestamp : null;
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static jakarta.servlet.http.HttpServletResponse response(int[] status) {
    return (jakarta.servlet.http.HttpServletResponse) Proxy.newProxyInstance(WebhooksEndToEndTest.class
        .getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class}, (proxy, method, args) -> {
          if (method.getName().equals("sendError")) {
            status[0] = (Integer) args[0];
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
