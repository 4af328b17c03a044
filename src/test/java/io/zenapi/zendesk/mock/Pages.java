package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/** Zendesk's two list styles over records kept in id order: cursor ({@code page[size]}) and offset ({@code page}). */
final class Pages {
  static final int MAX_SIZE = 100;

  private Pages() {}

  /** A list page in the style the request asks for: cursor when any page[...] is given, offset otherwise. */
  static ResponseDefinition list(MockRequest req, String name, NavigableMap<Long, JsonObject> records) {
    if (req.query("page[size]") != null || req.query("page[after]") != null || req.query("page[before]") != null) {
      return Reply.json(200, cursor(req, name, records));
    }
    return Reply.json(200, offset(req, name, records));
  }

  static JsonObject cursor(MockRequest req, String name, NavigableMap<Long, JsonObject> records) {
    return cursor(req, name, records, MAX_SIZE);
  }

  /** A cursor page of at most {@code max} records (1,000 for the exports). */
  static JsonObject cursor(MockRequest req, String name, NavigableMap<Long, JsonObject> records, int max) {
    int size = req.queryInt("page[size]", Math.min(MAX_SIZE, max), 1, max);
    String after = req.query("page[after]");
    String before = req.query("page[before]");
    NavigableMap<Long, JsonObject> view = records;
    boolean backwards = false;
    if (after != null && !after.isEmpty()) {
      view = records.tailMap(decode(after), false);
    } else if (before != null && !before.isEmpty()) {
      view = records.headMap(decode(before), false).descendingMap();
      backwards = true;
    }
    JsonArray items = new JsonArray();
    Long first = null;
    Long last = null;
    Iterator<Map.Entry<Long, JsonObject>> it = view.entrySet().iterator();
    while (it.hasNext() && items.size() < size) {
      Map.Entry<Long, JsonObject> e = it.next();
      items.add(e.getValue());
      first = first == null ? e.getKey() : first;
      last = e.getKey();
    }
    boolean hasMore = it.hasNext();
    if (backwards) {
      JsonArray reversed = new JsonArray();
      for (int i = items.size() - 1; i >= 0; i--) {
        reversed.add(items.get(i));
      }
      items = reversed;
      Long t = first;
      first = last;
      last = t;
    }
    JsonObject page = new JsonObject();
    page.add(name, items);
    JsonObject meta = new JsonObject();
    meta.addProperty("has_more", hasMore);
    meta.addProperty("after_cursor", last == null ? null : encode(last));
    meta.addProperty("before_cursor", first == null ? null : encode(first));
    page.add("meta", meta);
    JsonObject links = new JsonObject();
    String base = req.origin() + req.path() + ".json?page%5Bsize%5D=" + size + req.otherQuery();
    links.addProperty("next", hasMore && last != null ? base + "&page%5Bafter%5D=" + encode(last) : null);
    links.addProperty("prev", first != null ? base + "&page%5Bbefore%5D=" + encode(first) : null);
    page.add("links", links);
    return page;
  }

  static JsonObject offset(MockRequest req, String name, NavigableMap<Long, JsonObject> records) {
    int perPage = req.queryInt("per_page", MAX_SIZE, 1, MAX_SIZE);
    int pageNo = req.queryInt("page", 1, 1, Integer.MAX_VALUE);
    JsonArray items = new JsonArray();
    int skip = (pageNo - 1) * perPage;
    int index = 0;
    for (JsonObject r : records.values()) {
      if (index++ < skip) {
        continue;
      }
      if (items.size() == perPage) {
        break;
      }
      items.add(r);
    }
    int count = records.size();
    JsonObject page = new JsonObject();
    page.add(name, items);
    String base = req.origin() + req.path() + ".json?per_page=" + perPage + req.otherQuery() + "&page=";
    page.add("next_page", (long) pageNo * perPage < count ? new com.google.gson.JsonPrimitive(base + (pageNo + 1))
        : JsonNull.INSTANCE);
    page.add("previous_page", pageNo > 1 ? new com.google.gson.JsonPrimitive(base + (pageNo - 1)) : JsonNull.INSTANCE);
    page.addProperty("count", count);
    return page;
  }

  static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
  }

  static long decode(String cursor) {
    String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    if (!text.startsWith("id:")) {
      throw new NumberFormatException("not a cursor of this server: " + cursor);
    }
    return Long.parseLong(text.substring(3));
  }
}
