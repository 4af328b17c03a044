package io.zenapi.zendesk.auth;

import io.zenapi.zendesk.generated.model.CreateTokenForGrantTypeRequest;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The authorisation-code flow with PKCE, for apps that onboard Zendesk accounts: send the user to
 * {@link #start()}'s URL, then {@link #exchange} the code Zendesk sends back to the redirect URI for a token pair
 * (hand it to {@link Credentials#oauthRefreshing} with a {@link TokenStore}).
 *
 * <pre>{@code
 * AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder().subdomain("acme").clientId("my_app")
 *     .clientSecret(secret).redirectUri("https://app.example.com/zendesk/callback").scope("read write").build();
 * AuthorizationCodeFlow.Request req = flow.start();       // keep req.state() and req.codeVerifier() in the session
 * // redirect the browser to req.url(); on the callback, check the state, then:
 * OAuthTokens tokens = flow.exchange(codeFromCallback, req);
 * }</pre>
 */
public final class AuthorizationCodeFlow {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpUrl base;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final String scope;
  private final OkHttpClient http;
  private final Clock clock;

  private AuthorizationCodeFlow(Builder b, HttpUrl base) {
    this.base = base;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.redirectUri = b.redirectUri;
    this.scope = b.scope;
    this.http = b.http != null ? b.http : new OkHttpClient();
    this.clock = b.clock;
  }

  /**
   * A builder; subdomain (or baseUrl), clientId and redirectUri are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where to send the user, with a fresh {@code state} and PKCE verifier.
   *
   * @return the URL and what to keep for the callback
   */
  public Request start() {
    String state = random(24);
    String verifier = random(48);
    String challenge;
    try {
      challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    HttpUrl.Builder url = base.newBuilder().addPathSegments("oauth/authorizations/new")
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", clientId)
        .addQueryParameter("redirect_uri", redirectUri)
        .addQueryParameter("state", state)
        .addQueryParameter("code_challenge", challenge)
        .addQueryParameter("code_challenge_method", "S256");
    if (scope != null) {
      url.addQueryParameter("scope", scope);
    }
    return new Request(url.build().toString(), state, verifier);
  }

  /**
   * Exchanges the code from the redirect for a token pair ({@code POST /oauth/tokens},
   * {@code grant_type=authorization_code}).
   *
   * @param code the authorisation code from the callback's {@code code} parameter
   * @param started what {@link #start()} returned for this authorisation
   * @return the token pair Zendesk issued
   * @throws IllegalArgumentException when the code is blank or the request is null
   * @throws io.zenapi.zendesk.errors.ReauthorizationRequiredException when Zendesk refuses the code
   * @throws ZendeskTransportException when no answer arrived
   * @throws io.zenapi.zendesk.errors.ZendeskApiException for another error status
   */
  public OAuthTokens exchange(String code, Request started) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("exchange: the authorisation code must not be blank");
    }
    if (started == null) {
      throw new IllegalArgumentException("exchange: pass the Request that start() returned");
    }
    TokenEndpoint endpoint = new TokenEndpoint(http, base, clock, line -> { });
    try {
      return endpoint.request(new CreateTokenForGrantTypeRequest().grantType("authorization_code").code(code)
          .clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri).codeVerifier(started.codeVerifier())
          .scope(scope));
    } catch (IOException e) {
      throw new ZendeskTransportException("POST /oauth/tokens failed: " + e.getMessage(), e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * A started authorisation.
   *
   * @param url where to send the user's browser
   * @param state compare it with the {@code state} of the callback (CSRF protection)
   * @param codeVerifier the PKCE secret; keep it server-side until {@link #exchange}
   */
  public record Request(String url, String state, String codeVerifier) {
    @Override
    public String toString() {
      return "AuthorizationCodeFlow.Request{" + url + ", code verifier redacted}";
    }
  }

  /** Builds an {@link AuthorizationCodeFlow}. */
  public static final class Builder {
    private String subdomain;
    private String baseUrl;
    private String clientId;
    private String clientSecret;
    private String redirectUri;
    private String scope;
    private OkHttpClient http;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The account's subdomain.
     *
     * @param s the subdomain, e.g. {@code acme} for {@code https://acme.zendesk.com}
     * @return this builder
     */
    public Builder subdomain(String s) {
      this.subdomain = s;
      return this;
    }

    /**
     * A base URL instead of a subdomain (https, or http to loopback for tests).
     *
     * @param url the base URL
     * @return this builder
     */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    /**
     * The OAuth client's identifier.
     *
     * @param id the client identifier (required)
     * @return this builder
     */
    public Builder clientId(String id) {
      this.clientId = id;
      return this;
    }

    /**
     * The OAuth client's secret (confidential clients).
     *
     * @param secret the client secret (default: none, not sent)
     * @return this builder
     */
    public Builder clientSecret(String secret) {
      this.clientSecret = secret;
      return this;
    }

    /**
     * The redirect URI registered with the OAuth client.
     *
     * @param uri the redirect URI, an http(s) URL (required)
     * @return this builder
     */
    public Builder redirectUri(String uri) {
      this.redirectUri = uri;
      return this;
    }

    /**
     * Space-separated scopes, e.g. {@code "read write"}.
     *
     * @param scope the scopes (default: none, not sent)
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * The OkHttp client for the code exchange (default: a new one).
     *
     * @param http the OkHttp client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    /**
     * The clock of token expiry times; for tests.
     *
     * @param clock the clock (default: the system UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The flow.
     *
     * @return a new flow with these settings
     * @throws IllegalStateException naming a missing or invalid setting
     */
    public AuthorizationCodeFlow build() {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalStateException("clientId(...) is required");
      }
      if (redirectUri == null || HttpUrl.parse(redirectUri) == null) {
        throw new IllegalStateException("redirectUri(...) must be an http(s) URL, was " + redirectUri);
      }
      if (clock == null) {
        throw new IllegalStateException("clock must not be null");
      }
      java.util.List<String> problems = new java.util.ArrayList<>();
      HttpUrl base = io.zenapi.zendesk.internal.BaseUrls.resolve(subdomain, baseUrl, problems);
      if (base == null) {
        throw new IllegalStateException("invalid AuthorizationCodeFlow settings: " + String.join("; ", problems));
      }
      return new AuthorizationCodeFlow(this, base);
    }
  }
}
