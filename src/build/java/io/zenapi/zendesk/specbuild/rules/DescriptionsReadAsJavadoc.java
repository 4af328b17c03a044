package io.zenapi.zendesk.specbuild.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Descriptions and summaries lose their Markdown, which javadoc shows raw: a link {@code [text](/api-reference/x)}
 * becomes {@code text (https://developer.zendesk.com/api-reference/x)}, so a relative link of Zendesk's reference
 * points somewhere from an IDE too; code spans and fences, bold and heading marks are dropped, their text kept. Example values
 * are data, not documentation: they are never touched.
 */
public final class DescriptionsReadAsJavadoc implements NormalisationRule {
  /** Where Zendesk's relative documentation links resolve. */
  static final String DOCS = "https://developer.zendesk.com";
  /** A link; its text may wrap onto the next line. */
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]{1,300})]\\(([^)\\s]+)\\)");
  /** The marks around a fenced code block, with the block's language: the code itself stays. */
  private static final Pattern FENCE = Pattern.compile("```[A-Za-z]*");
  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*|__([^_\\n]+)__");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+");
  /** Keys whose values are data (examples, defaults, allowed values): never rewritten. */
  private static final List<String> DATA = List.of("example", "default", "enum", "const");

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    walk(spec, changes);
    return changes[0];
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, int[] changes) {
    if (node instanceof List<?> list) {
      list.forEach(item -> walk(item, changes));
      return;
    }
    if (!(node instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> map = (Map<String, Object>) node;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String key = e.getKey();
      if (DATA.contains(key)) {
        continue;
      }
      if ((key.equals("description") || key.equals("summary")) && e.getValue() instanceof String text) {
        String plain = plain(text);
        if (!plain.equals(text)) {
          e.setValue(plain);
          changes[0]++;
        }
      } else if (key.equals("examples") && e.getValue() instanceof Map<?, ?> examples) {
        // named examples: their summary and description are documentation, their value is data
        for (Object example : examples.values()) {
          if (example instanceof Map<?, ?> one) {
            Map<String, Object> docs = new java.util.LinkedHashMap<>((Map<String, Object>) one);
            docs.remove("value");
            walk(docs, changes);
            docs.forEach((k, v) -> ((Map<String, Object>) one).put(k, v));
          }
        }
      } else {
        walk(e.getValue(), changes);
      }
    }
  }

  /** The text without its Markdown marks; links made absolute and written out after their text. */
  static String plain(String markdown) {
    Matcher link = LINK.matcher(markdown);
    StringBuilder out = new StringBuilder();
    while (link.find()) {
      String url = link.group(2);
      String absolute = url.startsWith("/") ? DOCS + url : url;
      String replacement = url.startsWith("#") ? link.group(1) : link.group(1) + " (" + absolute + ")";
      link.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    link.appendTail(out);
    String text = FENCE.matcher(out).replaceAll("");
    text = CODE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
    return HEADING.matcher(text).replaceAll("");
  }
}
