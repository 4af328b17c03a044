package io.zenapi.zendesk.webhooks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The README's "Receiving webhooks" examples (each region between {@code tag::name[]} and {@code end::name[]} is
 * quoted there verbatim, checked by ReadmeSnippetsTest); run by WebhooksEndToEndTest.
 */
final class WebhookReceivingExamples {
  private WebhookReceivingExamples() {}

  // tag::webhook-http-server[]
  /** Receives Zendesk's deliveries with the JDK's own HTTP server: only genuine ones reach {@code handle}. */
  static HttpServer receive(String signingSecret, Consumer<WebhookEvent> handle) throws IOException {
    WebhookVerifier verifier = WebhookVerifier.of(signingSecret);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/zendesk-events", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers headers = exchange.getRequestHeaders();
        try {
          verifier.verify(headers.getFirst(WebhookVerifier.SIGNATURE_HEADER),
              headers.getFirst(WebhookVerifier.TIMESTAMP_HEADER), body);
        } catch (WebhookVerificationException e) {
          exchange.sendResponseHeaders(401, -1); // e.reason() says which check failed
          return;
        }
        handle.accept(WebhookEvent.parse(body));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    return server;
  }
  // end::webhook-http-server[]

  // tag::webhook-servlet-filter[]
  /** Lets only genuine Zendesk deliveries through; the servlet behind it reads the event from an attribute. */
  static final class ZendeskWebhookFilter implements Filter {
    private final WebhookVerifier verifier;

    ZendeskWebhookFilter(String signingSecret) {
      this.verifier = WebhookVerifier.of(signingSecret);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      byte[] body = request.getInputStream().readAllBytes();
      try {
        verifier.verify(request.getHeader(WebhookVerifier.SIGNATURE_HEADER),
            request.getHeader(WebhookVerifier.TIMESTAMP_HEADER), body);
      } catch (WebhookVerificationException e) {
        ((HttpServletResponse) res).sendError(401, e.reason().name());
        return;
      }
      request.setAttribute(WebhookEvent.class.getName(), WebhookEvent.parse(body));
      chain.doFilter(req, res);
    }
  }
  // end::webhook-servlet-filter[]
}
