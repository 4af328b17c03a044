package io.zenapi.zendesk.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem Zendesk found with one field of a request, from the {@code details} of a 422
 * {@code RecordInvalid} (or 400) answer: {@code "details": {"email": [{"error": "DuplicateValue",
 * "description": "Email: ... is already being used"}]}}.
 *
 * @param field the field's JSON name, e.g. {@code email} ({@code base} for the record as a whole)
 * @param error Zendesk's error code, e.g. {@code DuplicateValue}, or null
 * @param description Zendesk's text, or null; it may quote the value sent
 */
public record FieldError(String field, String error, String description) {

  /**
   * The field errors in a {@code details} object, by field, in the order Zendesk sent them.
   *
   * @param details the {@code details} member as bound into maps and lists, or null
   * @return field → its errors; empty when there are none
   */
  static Map<String, List<FieldError>> from(Map<String, Object> details) {
    if (details == null || details.isEmpty()) {
      return Map.of();
    }
    Map<String, List<FieldError>> out = new LinkedHashMap<>();
    details.forEach((field, value) -> {
      if (value instanceof List<?> problems) {
        List<FieldError> errors = new ArrayList<>();
        for (Object p : problems) {
          if (p instanceof Map<?, ?> m) {
            errors.add(new FieldError(field, text(m.get("error")), text(m.get("description"))));
          } else if (p instanceof String s) {
            errors.add(new FieldError(field, null, s));
          }
        }
        if (!errors.isEmpty()) {
          out.put(field, List.copyOf(errors));
        }
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
