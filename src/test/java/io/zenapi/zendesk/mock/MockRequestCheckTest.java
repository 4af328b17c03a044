package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mock refuses what Zendesk would refuse, with a 400 naming the operation and the problem, so a user's contract
 * test fails on such a request: sent here as raw HTTP, as a hand-built request would be.
 */
@ExtendWith(MockZendeskExtension.class)
class MockRequestCheckTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static OkHttpClient http;

  @BeforeAll
  static void open() {
    http = new OkHttpClient();
  }

  @AfterAll
  static void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static String[] send(MockZendesk mock, String method, String pathAndQuery, String body) throws IOException {
    Request request = new Request.Builder().url(mock.baseUrl() + pathAndQuery).header("Authorization", "Basic eDp5")
        .method(method, body == null ? null : RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      String description = "";
      if (response.code() == 400) {
        JsonObject error = JsonParser.parseString(text).getAsJsonObject();
        description = error.get("description").getAsString();
      }
      return new String[] {Integer.toString(response.code()), description};
    }
  }

  @Test
  void aBodyMemberOfTheWrongTypeIsRefusedByItsPath(MockZendesk mock) throws IOException {
    long id = mock.tickets().ids().get(0);
    String[] answer = send(mock, "PUT", "/api/v2/tickets/" + id, "{\"ticket\":{\"priority\":5}}");
    assertEquals("400", answer[0]);
    assertEquals("UpdateTicket: ticket.priority must be a string, was a number", answer[1]);

    String[] list = send(mock, "PUT", "/api/v2/tickets/" + id, "{\"ticket\":{\"tags\":[\"a\",7]}}");
    assertEquals("UpdateTicket: ticket.tags[1] must be a string, was a number", list[1]);
  }

  @Test
  void aBodyWithoutItsWrapperOrNotJsonIsRefused(MockZendesk mock) throws IOException {
    int before = mock.tickets().count();
    assertEquals("CreateTicket: the body lacks the required member ticket",
        send(mock, "POST", "/api/v2/tickets", "{\"subject\":\"Printer\"}")[1]);
    assertEquals("CreateTicket: the body is not JSON", send(mock, "POST", "/api/v2/tickets", "{subject:")[1]);
    assertEquals(before, mock.tickets().count(), "nothing was created");
  }

  @Test
  void aQueryValueOfTheWrongTypeOrAMissingRequiredOneIsRefused(MockZendesk mock) throws IOException {
    assertEquals("ListTickets: the query parameter per_page must be an integer, was 'ten'",
        send(mock, "GET", "/api/v2/tickets?per_page=ten", null)[1]);
    assertEquals("ListSearchResults requires the query parameter query",
        send(mock, "GET", "/api/v2/search", null)[1]);
  }

  @Test
  void aWellFormedRequestAndANullMemberPass(MockZendesk mock) throws IOException {
    long id = mock.tickets().ids().get(0);
    assertEquals("200", send(mock, "PUT", "/api/v2/tickets/" + id,
        "{\"ticket\":{\"priority\":\"high\",\"assignee_id\":null,\"undeclared\":{\"x\":1}}}")[0]);
  }
}
