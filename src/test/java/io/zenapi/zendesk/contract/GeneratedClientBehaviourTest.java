package io.zenapi.zendesk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.generated.api.TicketFormStatusesApi;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.SearchApi.ExportSearchResultsParams;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.DeleteTicketFormStatusesRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/** The upstream defects that broke generated clients on the wire, each shown fixed through a real HTTP round trip. */
class GeneratedClientBehaviourTest {
  private static WireMockServer server;
  private static Retrofit retrofit;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    retrofit = new Retrofit.Builder()
        .baseUrl(server.baseUrl() + "/")
        .client(new OkHttpClient())
        .addConverterFactory(GsonConverterFactory.create(Json.GSON))
        .build();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  private static void respond(int status, String json) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(json)));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void unknownEnumValueIsKeptAsSent() throws Exception {
    respond(200, "{\"ticket\":{\"id\":1,\"status\":\"awaiting_robot\",\"priority\":\"cosmic\","
        + "\"via\":{\"channel\":\"carrier_pigeon\"}}}");
    TicketResponse r = TicketsApi.create(retrofit).showTicket(1L).execute().body();
    assertEquals("awaiting_robot", r.getTicket().getStatus());
    assertEquals("cosmic", r.getTicket().getPriority());
    JsonObject back = Json.GSON.toJsonTree(r).getAsJsonObject().getAsJsonObject("ticket");
    assertEquals("awaiting_robot", back.get("status").getAsString());
    assertEquals("carrier_pigeon", back.getAsJsonObject("via").get("channel").getAsString());
  }

  @Test
  void idsAbove2To53SurviveExactly() throws Exception {
    long id = 9_007_199_254_740_993L; // 2^53 + 1: a double cannot hold it
    respond(200, "{\"ticket\":{\"id\":" + id + ",\"requester_id\":" + Long.MAX_VALUE
        + ",\"custom_fields\":[{\"id\":" + id + ",\"value\":" + id + "},{\"id\":2,\"value\":223443}]}}");
    TicketObject t = TicketsApi.create(retrofit).showTicket(id).execute().body().getTicket();
    assertEquals("/api/v2/tickets/" + id, onlyRequest().getUrl());
    assertEquals(id, t.getId());
    assertEquals(Long.MAX_VALUE, t.getRequesterId());
    assertEquals(id, t.getCustomFields().get(0).getId());
    // free-form values: integral numbers stay Long (Gson's default made 223443 into 223443.0)
    assertEquals(Long.valueOf(id), t.getCustomFields().get(0).getValue());
    assertInstanceOf(Long.class, t.getCustomFields().get(1).getValue());
    assertEquals("{\"id\":2,\"value\":223443}", Json.GSON.toJson(t.getCustomFields().get(1)));
  }

  @Test
  void absentListsAreNotSent() throws Exception {
    respond(200, "{\"ticket\":{\"id\":5}}");
    TicketUpdateRequest body = new TicketUpdateRequest().ticket(new TicketObject().subject("Printer fixed"));
    assertNull(body.getTicket().getCollaboratorIds(), "an unset list stays null instead of []");
    TicketsApi.create(retrofit).updateTicket(5L, body).execute();
    LoggedRequest sent = onlyRequest();
    assertEquals("PUT", sent.getMethod().getName());
    assertEquals("{\"ticket\":{\"subject\":\"Printer fixed\"}}", sent.getBodyAsString());
  }

  @Test
  void deleteWithBodySendsItsBody() throws Exception {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    DeleteTicketFormStatusesRequest body = new DeleteTicketFormStatusesRequest().id(List.of("abc", "def"));
    int code = TicketFormStatusesApi.create(retrofit).deleteTicketFormStatuses(9L, body).execute().code();
    assertEquals(204, code);
    LoggedRequest sent = onlyRequest();
    assertEquals("DELETE", sent.getMethod().getName());
    assertEquals("/api/v2/ticket_forms/9/ticket_form_statuses", sent.getUrl());
    JsonObject json = JsonParser.parseString(new String(sent.getBody(), StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals("[\"abc\",\"def\"]", json.get("id").toString());
  }

  @Test
  void bracketedParametersAreSentWithTheirBracketsAndCursorFieldsAreRead() throws Exception {
    respond(200, "{\"results\":[],\"meta\":{\"has_more\":true,\"after_cursor\":\"xyz\"},"
        + "\"links\":{\"next\":\"https://example.zendesk.com/api/v2/search/export?page%5Bafter%5D=xyz\"}}");
    var page = SearchApi.create(retrofit)
        .exportSearchResults("status:open", "ticket", ExportSearchResultsParams.builder().include("users")
            .build()).execute().body();
    String url = onlyRequest().getUrl();
    assertEquals("/api/v2/search/export?query=status%3Aopen&filter%5Btype%5D=ticket&include=users", url);
    assertTrue(page.getMeta().getHasMore());
    assertEquals("xyz", page.getMeta().getAfterCursor());
    assertFalse(page.getLinks().getNext().isEmpty());
  }

  @Test
  void uploadsSendTheFileBytesAndMacroAttachmentsAreMultipart() throws Exception {
    respond(201, "{\"upload\":{\"token\":\"6bk3gql82em5nmf\"}}");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    var upload = io.zenapi.zendesk.generated.api.AttachmentsApi.create(retrofit)
        .uploadFiles("screenshot.png", okhttp3.RequestBody.create(png, okhttp3.MediaType.get("image/png")))
        .execute().body();
    assertEquals("6bk3gql82em5nmf", upload.getUpload().getToken());
    LoggedRequest sent = onlyRequest();
    assertEquals("/api/v2/uploads?filename=screenshot.png", sent.getUrl());
    assertEquals("image/png", sent.getHeader("Content-Type"), "the caller's type, not a fixed application/binary");
    org.junit.jupiter.api.Assertions.assertArrayEquals(png, sent.getBody());

    server.resetAll();
    respond(201, "{\"attachment\":{\"id\":1}}");
    okhttp3.MultipartBody.Part file = okhttp3.MultipartBody.Part.createFormData("attachment", "a.txt",
        okhttp3.RequestBody.create("hello", okhttp3.MediaType.get("text/plain")));
    io.zenapi.zendesk.generated.api.MacrosApi.create(retrofit).createMacroAttachment(file, "a.txt").execute();
    LoggedRequest multipart = onlyRequest();
    assertTrue(multipart.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
    String body = multipart.getBodyAsString();
    assertTrue(body.contains("name=\"attachment\"; filename=\"a.txt\"") && body.contains("hello"), body);
    assertTrue(body.contains("name=\"filename\""), body);
  }
}
