package io.zenapi.zendesk.auth;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the {@code Authorization} header, and only to requests for the client's own host, so that a next-page
 * URL or a redirect pointing elsewhere never receives the credentials. (OkHttp itself drops the header when it
 * follows a redirect to another host.)
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
    return chain.proceed(request.newBuilder().header("Authorization", credentials.authorizationHeader()).build());
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port();
  }
}
