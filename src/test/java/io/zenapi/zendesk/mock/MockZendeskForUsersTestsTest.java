package io.zenapi.zendesk.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.generated.api.AttachmentsApi;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.TicketCommentsApi;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.model.AttachmentObject;
import io.zenapi.zendesk.generated.model.AttachmentUploadResponseUpload;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.SearchExportResponse;
import io.zenapi.zendesk.generated.model.SearchResponse;
import io.zenapi.zendesk.generated.model.TicketCommentObject;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.UserInput;
import io.zenapi.zendesk.generated.model.UserObject;
import io.zenapi.zendesk.generated.model.UserRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mock as a base for users' own tests: their stubs win over its answers, {@code faults().respond} answers any
 * status, a created ticket can be read back (and one Idempotency-Key creates one ticket), search pages through the
 * stored tickets, users are created, shown and found by email, and an upload's file lands on the comment naming it.
 */
@ExtendWith(MockZendeskExtension.class)
class MockZendeskForUsersTestsTest {
  private MockZendesk mock;
  private ZendeskClient client;

  @BeforeEach
  void open(MockZendesk mock) {
    this.mock = mock;
    this.client = mock.clientBuilder().sleeper(d -> { }).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static TicketCreateRequest newTicket(String subject) {
    return new TicketCreateRequest().ticket(new TicketObject().subject(subject).tags(List.of("printer"))
        .comment(new TicketCommentObject().body("It is on fire.")));
  }

  @Test
  void aStubOfTheUsersOwnWinsOverTheMocksAnswerAndTheRestStillWorks() {
    long id = mock.tickets().ids().get(0);
    StubMapping mine = mock.wireMock().stubFor(put(urlPathEqualTo("/api/v2/tickets/" + id)).willReturn(aResponse()
        .withStatus(422).withHeader("Content-Type", "application/json").withBody("{\"error\":\"RecordInvalid\","
            + "\"description\":\"Record validation errors\",\"details\":{\"status\":[{\"description\":\"Status: "
            + "closed prevents ticket update\"}]}}")));
    try {
      TicketsApi tickets = client.api(TicketsApi.class);
      BadRequestException e = assertThrows(BadRequestException.class, () -> client.execute(tickets.updateTicket(id,
          new TicketUpdateRequest().ticket(new TicketObject().status("open")))));

      assertEquals(422, e.status());
      assertTrue(e.fieldErrors().containsKey("status"), e.fieldErrors().toString());
      assertEquals(id, client.execute(tickets.showTicket(id)).getTicket().getId(), "the mock still answers the rest");
      mock.wireMock().verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/" + id)));
      mock.wireMock().verify(1, getRequestedFor(urlEqualTo("/api/v2/tickets/" + id)));
      assertEquals(2, mock.requestCount(), "a 422 is not retried");
    } finally {
      mock.wireMock().removeStub(mine);
    }
  }

  @Test
  void faultsRespondAnswersTheNextMatchingRequestOnceWithAnyStatus() {
    TicketsApi tickets = client.api(TicketsApi.class);
    mock.faults().respond("POST", "/api/v2/tickets", 422, "{\"error\":\"RecordInvalid\",\"description\":\"Record "
        + "validation errors\",\"details\":{\"requester\":[{\"description\":\"Requester: is suspended\"}]}}");
    int before = mock.tickets().count();

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.execute(tickets.createTicket(newTicket("Refused"))));
    TicketObject created = client.execute(tickets.createTicket(newTicket("Accepted"))).getTicket();

    assertEquals(422, e.status());
    assertTrue(e.fieldErrors().containsKey("requester"), e.fieldErrors().toString());
    assertEquals("Accepted", created.getSubject());
    assertEquals(before + 1, mock.tickets().count(), "the refused create stored nothing");
    assertEquals(1, mock.faults().injected());
    mock.wireMock().verify(2, postRequestedFor(urlEqualTo("/api/v2/tickets")));
    assertThrows(IllegalArgumentException.class, () -> mock.faults().respond("GET", "/x", 600, null));
  }

  @Test
  void aCreatedTicketIsReadBackAndOneIdempotencyKeyCreatesOneTicket() {
    TicketsApi tickets = client.api(TicketsApi.class);
    int before = mock.tickets().count();

    TicketObject first = client.execute(tickets.createTicket(newTicket("Printer on fire"))).getTicket();
    TicketObject second = client.execute(tickets.createTicket(newTicket("Printer still on fire"))).getTicket();
    TicketObject read = client.execute(tickets.showTicket(first.getId())).getTicket();
    TicketObject keyed = client.execute(tickets.createTicket(newTicket("Once")), "order-4711").getTicket();
    TicketObject again = client.execute(tickets.createTicket(newTicket("Once")), "order-4711").getTicket();

    assertNotEquals(first.getId(), second.getId());
    assertEquals("Printer on fire", read.getSubject());
    assertEquals("It is on fire.", read.getDescription());
    assertEquals("new", read.getStatus());
    assertEquals(keyed.getId(), again.getId(), "the same key answers with the ticket it created");
    assertEquals(before + 3, mock.tickets().count());
    BadRequestException blank = assertThrows(BadRequestException.class, () -> client.execute(tickets.createTicket(
        new TicketCreateRequest().ticket(new TicketObject().subject("No description")))));
    assertEquals(422, blank.status());
  }

  @Test
  void searchPagesThroughTheStoredTicketsWithoutRepeatingACursor() {
    TicketsApi tickets = client.api(TicketsApi.class);
    for (int i = 0; i < 3; i++) {
      client.execute(tickets.createTicket(newTicket("Toner smudge " + i)));
    }
    Set<Long> open = mock.tickets().ids().stream().filter(id -> "open".equals(mock.tickets().get(id)
        .get("status").getAsString())).collect(Collectors.toCollection(TreeSet::new));
    SearchApi search = client.api(SearchApi.class);

    List<Long> exported = client.paginate(search.exportSearchResults("type:ticket status:open", "ticket"),
        SearchExportResponse::getResults).pageSize(100).stream().map(r -> ((TicketObject) r).getId()).toList();
    List<Long> listed = client.paginate(search.listSearchResults("\"toner smudge\""), SearchResponse::getResults)
        .stream().map(r -> ((TicketObject) r).getId()).toList();

    assertTrue(open.size() > 100, "more than one page: " + open.size());
    assertEquals(List.copyOf(open), exported, "every open ticket once, in order");
    assertEquals(3, listed.size(), listed.toString());
    assertEquals((open.size() + 99) / 100, mock.wireMock().findAll(getRequestedFor(urlPathMatching(
        "/api/v2/search/export(\\.json)?"))).size(), "one request a page");
    BadRequestException unsupported = assertThrows(BadRequestException.class,
        () -> client.execute(search.listSearchResults("assignee:me")));
    assertTrue(unsupported.getMessage().contains("assignee:"), unsupported.getMessage());
    assertEquals(0, client.paginate(search.exportSearchResults("status:open", "user"),
        SearchExportResponse::getResults).stream().count());
  }

  @Test
  void aCreatedUserIsShownAndFoundByEmailAndAnEmailInUseIsRefused() {
    UsersApi users = client.api(UsersApi.class);
    UserRequest ada = new UserRequest().user(new UserInput().name("Ada Lovelace").email("Ada@Example.com"));

    UserObject created = client.execute(users.createUser(ada)).getUser();
    UserObject shown = client.execute(users.showUser(created.getId())).getUser();
    List<UserObject> found = client.execute(users.searchUsers(UsersApi.SearchUsersParams.builder()
        .query("email:ada@example.com").build())).getUsers();
    BadRequestException taken = assertThrows(BadRequestException.class, () -> client.execute(users.createUser(ada)));

    assertEquals("Ada Lovelace", shown.getName());
    assertEquals("ada@example.com", shown.getEmail());
    assertEquals(List.of(created.getId()), found.stream().map(UserObject::getId).toList());
    assertEquals(422, taken.status());
    assertEquals(2, mock.users().count(), "the agent and Ada");
    assertThrows(io.zenapi.zendesk.errors.NotFoundException.class,
        () -> client.execute(users.showUser(created.getId() + 1)));
  }

  @Test
  void anUploadsFileIsAttachedToTheCommentThatNamesItsToken() {
    AttachmentUploadResponseUpload upload = client.execute(client.api(AttachmentsApi.class).uploadFiles("log.txt",
        okhttp3.RequestBody.create("boot failed".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            okhttp3.MediaType.get("text/plain")))).getUpload();
    TicketsApi tickets = client.api(TicketsApi.class);
    long id = client.execute(tickets.createTicket(new TicketCreateRequest().ticket(new TicketObject()
        .subject("Boot failure").comment(new TicketCommentObject().body("Log attached.")
            .uploads(List.of(upload.getToken())))))).getTicket().getId();

    List<TicketCommentObject> comments = client.execute(client.api(TicketCommentsApi.class).listTicketComments(id))
        .getComments();

    assertEquals(1, comments.size());
    assertEquals("Log attached.", comments.get(0).getBody());
    assertEquals(List.of("log.txt"), comments.get(0).getAttachments().stream().map(AttachmentObject::getFileName)
        .toList());
    assertEquals(11L, comments.get(0).getAttachments().get(0).getSize());
    assertEquals("text/plain", comments.get(0).getAttachments().get(0).getContentType());
  }

  @Test
  void theMocksOwnTicketListIsUnchangedByTheCatchAllPriority() {
    TicketsResponse page = client.execute(client.api(TicketsApi.class).listTickets());
    assertEquals(100, page.getTickets().size());
  }
}
