package io.zenapi.zendesk.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked-in list of contract cases that cannot pass, each with its reason
 * ({@code src/test/resources/contract-exceptions.tsv}: {@code case-id <TAB> reason}, {@code #} comments).
 */
final class ContractExceptions {
  static final String FILE = "contract-exceptions.tsv";
  private final Map<String, String> reasons = new LinkedHashMap<>();

  ContractExceptions() {
    try (InputStream in = ContractExceptions.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        return;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
          throw new IllegalStateException(FILE + ": every line needs a case id, a tab and a reason: " + line);
        }
        reasons.put(parts[0].trim(), parts[1].trim());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reason a case is expected to fail, or null when it must pass. */
  String reason(String caseId) {
    return reasons.get(caseId);
  }

  Map<String, String> all() {
    return reasons;
  }
}
