package io.zenapi.zendesk.mock;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search over the mock's tickets: {@code GET /api/v2/search} (offset pages, {@code count}) and
 * {@code GET /api/v2/search/export} (cursor pages, {@code filter[type]} required), with a subset of Zendesk's query
 * syntax: {@code type:ticket}, {@code status:}, {@code priority:}, {@code tags:} (or {@code tag:}), and free text
 * (words or a quoted phrase, matched in the subject and description, case-insensitive). Terms are ANDed. Another
 * {@code key:value} is refused with 400 naming it, so a test never passes on a query the mock only pretended to run.
 */
final class MockSearch {
  /** Search export's largest page. */
  private static final int EXPORT_MAX = 1000;
  private static final Pattern TERM = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S+)|\"([^\"]*)\"|(\\S+)");
  private final MockTickets tickets;

  MockSearch(MockTickets tickets) {
    this.tickets = tickets;
  }

  void register(Router router) {
    router.on("GET", "/api/v2/search", req -> Reply.json(200, Pages.offset(req, "results", results(req, null))));
    router.on("GET", "/api/v2/search/export", req -> {
      String type = req.query("filter[type]");
      if (type == null || type.isBlank()) {
        return Reply.error(400, "InvalidParameter", "filter[type] is required by search export");
      }
      return Reply.json(200, Pages.cursor(req, "results", results(req, type), EXPORT_MAX));
    });
  }

  /** The tickets the query finds, each with its {@code result_type}; none when the query asks for another type. */
  private NavigableMap<Long, JsonObject> results(MockRequest req, String filterType) {
    String query = req.query("query");
    Predicate<JsonObject> test = parse(query == null ? "" : query);
    if (filterType != null && !filterType.equals("ticket")) {
      return new TreeMap<>();
    }
    NavigableMap<Long, JsonObject> found = tickets.matching(test);
    found.values().forEach(t -> t.addProperty("result_type", "ticket"));
    return found;
  }

  /** The query as one test over a ticket. */
  static Predicate<JsonObject> parse(String query) {
    List<Predicate<JsonObject>> terms = new ArrayList<>();
    Matcher m = TERM.matcher(query);
    while (m.find()) {
      if (m.group(1) != null) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = unquote(m.group(2)).toLowerCase(Locale.ROOT);
        terms.add(switch (key) {
          case "type" -> t -> value.equals("ticket");
          case "status", "priority" -> t -> value.equals(text(t, key));
          case "tags", "tag" -> t -> t.has("tags") && t.get("tags").isJsonArray()
              && t.getAsJsonArray("tags").asList().stream().anyMatch(e -> value.equals(lower(e)));
          default -> throw new IllegalArgumentException("the mock's search supports type:, status:, priority:, tags:"
              + " and free text, not " + key + ":");
        });
      } else {
        String words = (m.group(3) != null ? m.group(3) : m.group(4)).toLowerCase(Locale.ROOT);
        terms.add(t -> text(t, "subject").contains(words) || text(t, "description").contains(words));
      }
    }
    return t -> terms.stream().allMatch(p -> p.test(t));
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static String text(JsonObject t, String member) {
    return SpecExamples.textOrEmpty(t, member).toLowerCase(Locale.ROOT);
  }

  private static String lower(JsonElement e) {
    return e.isJsonPrimitive() ? e.getAsString().toLowerCase(Locale.ROOT) : "";
  }
}
