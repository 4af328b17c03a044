package io.zenapi.zendesk.auth;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the {@code Authorization} header, and only to requests for the client's own host, so that a next-page
 * URL or a redirect pointing elsewhere never receives the credentials. (OkHttp itself drops the header when it
 * follows a redirect to another host.) With {@link OAuthCredentials} it asks for a fresh token on each request
 * and, on a 401, renews the token once and replays the request once.
 */
public final class AuthInterceptor implements Interceptor {
  private final Credentials credentials;
  private final HttpUrl base;

  /**
   * @param credentials what to send
   * @param base the client's base URL; only its scheme, host and port receive credentials
   */
  public AuthInterceptor(Credentials credentials, HttpUrl base) {
    this.credentials = credentials;
    this.base = base;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (request.header("Authorization") != null || !sameOrigin(url)) {
      return chain.proceed(request);
    }
    if (!(credentials instanceof OAuthCredentials oauth)) {
      return chain.proceed(request.newBuilder().header("Authorization", credentials.authorizationHeader()).build());
    }
    String token = oauth.accessToken();
    Response response = chain.proceed(bearer(request, token));
    if (response.code() != 401) {
      return response;
    }
    // the token may have been revoked or expired early: renew once (single-flight) and replay once
    response.close();
    return chain.proceed(bearer(request, oauth.renewAfterUnauthorized(token)));
  }

  private static Request bearer(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port();
  }
}
