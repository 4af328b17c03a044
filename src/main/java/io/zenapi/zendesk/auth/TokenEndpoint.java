package io.zenapi.zendesk.auth;

import io.zenapi.zendesk.ZendeskLogger;
import java.lang.System.Logger.Level;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.errors.ApiError;
import io.zenapi.zendesk.errors.ApiErrors;
import io.zenapi.zendesk.errors.ReauthorizationRequiredException;
import io.zenapi.zendesk.generated.model.CreateTokenForGrantTypeRequest;
import io.zenapi.zendesk.generated.model.OAuthTokenForGrantTypesObject;
import io.zenapi.zendesk.internal.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Zendesk's {@code POST /oauth/tokens} (the spec's {@code CreateTokenForGrantType}), sent without the client's
 * credentials and never retried: a refresh whose answer was lost must not be replayed with a token Zendesk has
 * already rotated away. Made by the client for its OAuth credentials.
 */
public final class TokenEndpoint {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Set<String> FATAL = Set.of("invalid_grant", "invalid_client", "unauthorized_client");

  private final OkHttpClient http;
  private final HttpUrl url;
  private final Clock clock;
  private final ZendeskLogger log;

  /**
   * @param http an OkHttp client without the authentication interceptor
   * @param base the account's base URL
   * @param clock the clock that turns {@code expires_in} into instants
   * @param log where a line about each token request goes (never a token)
   */
  public TokenEndpoint(OkHttpClient http, HttpUrl base, Clock clock, Consumer<String> log) {
    this(http, base, clock, ZendeskLogger.lines(log));
  }

  /**
   * @param http an OkHttp client without the authentication interceptor
   * @param base the account's base URL
   * @param clock the clock that turns {@code expires_in} into instants
   * @param log where a line about each token request goes (never a token), each line at its level
   */
  public TokenEndpoint(OkHttpClient http, HttpUrl base, Clock clock, ZendeskLogger log) {
    this.http = http;
    this.url = base.resolve("oauth/tokens");
    this.clock = clock;
    this.log = log;
  }

  /**
   * The clock of expiry times.
   *
   * @return the clock given to the constructor
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Asks for tokens.
   *
   * @param grant the grant type with its client and grant-specific fields
   * @return the tokens issued, with expiry instants counted from when the request was sent
   * @throws ReauthorizationRequiredException when Zendesk refuses the grant itself
   * @throws io.zenapi.zendesk.errors.ZendeskApiException for another error status
   * @throws IOException when no answer arrived
   */
  public OAuthTokens request(CreateTokenForGrantTypeRequest grant) throws IOException {
    Request request = new Request.Builder().url(url).post(RequestBody.create(Json.GSON.toJson(grant), JSON)).build();
    Instant sent = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw refusal(response);
      }
      OAuthTokenForGrantTypesObject body;
      try {
        body = Json.GSON.fromJson(response.body().charStream(), OAuthTokenForGrantTypesObject.class);
      } catch (RuntimeException e) {
        throw new IOException("the token response of POST /oauth/tokens is not valid JSON", e);
      }
      if (body == null || body.getAccessToken() == null || body.getAccessToken().isBlank()) {
        throw new IOException("the token response of POST /oauth/tokens has no access_token");
      }
      log.log(Level.INFO, "OAuth " + grant.getGrantType() + ": new access token"
          + (body.getExpiresIn() == null ? "" : ", expires in " + body.getExpiresIn() + " s")
          + (body.getRefreshToken() == null ? "" : ", refresh token rotated"));
      return new OAuthTokens(body.getAccessToken(), body.getRefreshToken(),
          body.getExpiresIn() == null ? null : sent.plusSeconds(body.getExpiresIn()),
          body.getRefreshTokenExpiresIn() == null ? null : sent.plusSeconds(body.getRefreshTokenExpiresIn()));
    }
  }

  private RuntimeException refusal(Response response) {
    String error = null;
    String description = null;
    try {
      JsonElement json = JsonParser.parseString(response.peekBody(16 * 1024).string());
      if (json.isJsonObject()) {
        JsonObject o = json.getAsJsonObject();
        error = o.has("error") && o.get("error").isJsonPrimitive() ? o.get("error").getAsString() : null;
        description = o.has("error_description") && o.get("error_description").isJsonPrimitive()
            ? o.get("error_description").getAsString() : null;
      }
    } catch (IOException | RuntimeException notJson) {
      // the status alone must do
    }
    if (error != null && FATAL.contains(error)) {
      return reauthorize(response.code(), error, description);
    }
    return ApiErrors.fromResponse(response, clock);
  }

  /** The exception that tells the caller to authorise the integration again. */
  static ReauthorizationRequiredException reauthorize(int status, String error, String description) {
    String advice = "the OAuth grant no longer works" + (description == null ? "" : " (" + description + ")")
        + "; authorise the integration again (new authorisation code or client secret) and give the client the"
        + " new tokens";
    return new ReauthorizationRequiredException(new ApiError(status, "POST", "/oauth/tokens", null, error, advice,
        null, null));
  }
}
