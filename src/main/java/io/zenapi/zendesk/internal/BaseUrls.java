package io.zenapi.zendesk.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** The rules for where a client (or an OAuth flow) may send requests. */
public final class BaseUrls {
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private BaseUrls() {}

  /**
   * The base URL for a subdomain ({@code https://<subdomain>.zendesk.com/}) or an explicit URL (https, or http to
   * loopback only); each problem found is added to {@code problems} and null returned.
   *
   * @param subdomain the subdomain, or null
   * @param baseUrl the explicit base URL, or null (exactly one of the two must be given)
   * @param problems receives a description of each problem found
   * @return the base URL, ending in {@code /}, without query or fragment; null when there is a problem
   */
  public static HttpUrl resolve(String subdomain, String baseUrl, List<String> problems) {
    if (subdomain != null && baseUrl != null) {
      problems.add("set subdomain(...) or baseUrl(...), not both");
      return null;
    }
    if (subdomain == null && baseUrl == null) {
      problems.add("subdomain(...) or baseUrl(...) is required");
      return null;
    }
    if (subdomain != null) {
      if (!SUBDOMAIN.matcher(subdomain).matches()) {
        problems.add("subdomain '" + subdomain + "' is not a Zendesk subdomain (lower-case letters, digits and"
            + " inner hyphens, e.g. 'acme' for acme.zendesk.com)");
        return null;
      }
      return HttpUrl.get("https://" + subdomain + ".zendesk.com/");
    }
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      problems.add("baseUrl '" + baseUrl + "' is not an http(s) URL");
      return null;
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      problems.add("baseUrl must not carry credentials; use credentials(...)");
      return null;
    }
    if (parsed.scheme().equals("http") && !isLoopback(parsed.host())) {
      problems.add("baseUrl '" + baseUrl + "' uses plain http to a non-loopback host; use https (plain http is"
          + " only for loopback test servers)");
      return null;
    }
    String path = parsed.encodedPath().endsWith("/") ? parsed.encodedPath() : parsed.encodedPath() + "/";
    return parsed.newBuilder().encodedPath(path).query(null).fragment(null).build();
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // only literal addresses are checked (IPv6 always has a colon): a name like "cafe" must not cause a DNS lookup
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
