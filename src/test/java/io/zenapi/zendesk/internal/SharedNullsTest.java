package io.zenapi.zendesk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.reflect.TypeToken;
import io.zenapi.zendesk.ZendeskModel.Presence;
import io.zenapi.zendesk.generated.model.TicketObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Models read with the same explicit nulls share one set, and a change to one model's nulls never reaches another. */
class SharedNullsTest {
  private static final String PAGE = "[{\"id\":1,\"problem_id\":null,\"due_at\":null},"
      + "{\"id\":2,\"due_at\":null,\"problem_id\":null},{\"id\":3,\"due_at\":null}]";

  private static List<TicketObject> read() {
    return Json.GSON.fromJson(PAGE, new TypeToken<List<TicketObject>>() {}.getType());
  }

  @Test
  void modelsReadWithTheSameNullsAnswerAlikeAndWriteTheirNullsBack() {
    List<TicketObject> tickets = read();

    for (TicketObject t : tickets.subList(0, 2)) {
      assertEquals(Presence.NULL, t.presence("problem_id"));
      assertEquals(Presence.NULL, t.presence("due_at"));
      assertEquals(Presence.ABSENT, t.presence("assignee_id"));
      assertEquals(Set.of("problem_id", "due_at"), Set.copyOf(t.explicitNulls()));
    }
    assertEquals(Set.of("due_at"), Set.copyOf(tickets.get(2).explicitNulls()));
    assertEquals("{\"due_at\":null,\"id\":1,\"problem_id\":null}", sorted(Json.GSON.toJson(tickets.get(0))));
  }

  @Test
  void changingOneModelsNullsLeavesTheOthersReadAlikeUnchanged() {
    List<TicketObject> tickets = read();
    TicketObject first = tickets.get(0);
    TicketObject second = tickets.get(1);

    first.explicitNulls().remove("problem_id");
    first.putNull("assignee_id");

    assertEquals(Presence.ABSENT, first.presence("problem_id"));
    assertEquals(Presence.NULL, first.presence("assignee_id"));
    assertEquals(Presence.NULL, second.presence("problem_id"));
    assertEquals(Presence.ABSENT, second.presence("assignee_id"));
    assertFalse(Json.GSON.toJson(first).contains("problem_id"));
    assertTrue(Json.GSON.toJson(second).contains("\"problem_id\":null"));
    assertTrue(read().get(0).explicitNulls().contains("problem_id"), "the shared set itself is unchanged");
  }

  @Test
  void theSetIsSharedUntilAModelChangesIt() throws ReflectiveOperationException {
    List<TicketObject> tickets = read();
    java.lang.reflect.Field f = TicketObject.class.getDeclaredField("zendeskExplicitNulls");
    f.setAccessible(true);

    assertSame(f.get(tickets.get(0)), f.get(tickets.get(1)), "one set for both");
    tickets.get(0).explicitNulls();
    assertTrue(f.get(tickets.get(0)) instanceof NameSet, "its own set once asked for one that may change");
    assertTrue(f.get(tickets.get(1)) instanceof SharedNames);
  }

  /** The members of a flat JSON object in name order, for a comparison that ignores order. */
  private static String sorted(String json) {
    com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    com.google.gson.JsonObject out = new com.google.gson.JsonObject();
    o.keySet().stream().sorted().forEach(k -> out.add(k, o.get(k)));
    return Json.GSON.newBuilder().serializeNulls().create().toJson(out);
  }
}
