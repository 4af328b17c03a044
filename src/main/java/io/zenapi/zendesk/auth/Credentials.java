package io.zenapi.zendesk.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the client authenticates. Made by the static factories; {@code toString()} never shows a secret.
 *
 * <ul>
 *   <li>{@link #oauth(String)}: an OAuth access token, sent as {@code Bearer}. Zendesk's way forward.</li>
 *   <li>{@link #apiToken(String, String)}: an API token. <b>Zendesk stopped issuing API tokens on 2026-10-27 and
 *       switches every remaining one off on 2027-04-30</b>; move to OAuth before then.</li>
 *   <li>{@link #basic(String, String)}: email and password (only where the account still allows it).</li>
 * </ul>
 */
public interface Credentials {
  /** The {@code Authorization} header value for the next request. */
  String authorizationHeader();

  /**
   * An API token of an agent.
   *
   * @param email the agent's email address
   * @param token the API token
   * @throws IllegalArgumentException when either is blank
   */
  static Credentials apiToken(String email, String token) {
    requireText("email", email);
    requireText("token", token);
    ApiTokenWarning.warnOnce();
    return new Static("API token of " + email, basic(email + "/token", token, false).authorizationHeader());
  }

  /**
   * Email and password (HTTP basic).
   *
   * @throws IllegalArgumentException when either is blank
   */
  static Credentials basic(String email, String password) {
    return basic(email, password, true);
  }

  /**
   * An OAuth access token, sent as {@code Authorization: Bearer}.
   *
   * @throws IllegalArgumentException when it is blank
   */
  static Credentials oauth(String accessToken) {
    requireText("accessToken", accessToken);
    return new Static("OAuth access token", "Bearer " + accessToken);
  }

  private static Credentials basic(String user, String password, boolean check) {
    if (check) {
      requireText("email", user);
      requireText("password", password);
    }
    String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Static(check ? "basic auth of " + user : "", "Basic " + encoded);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("credentials: " + name + " must not be blank");
    }
  }

  /** Credentials whose header never changes. */
  final class Static implements Credentials {
    private final String description;
    private final String header;

    private Static(String description, String header) {
      this.description = description;
      this.header = header;
    }

    @Override
    public String authorizationHeader() {
      return header;
    }

    @Override
    public String toString() {
      return "Credentials{" + description + ", secret redacted}";
    }
  }
}
