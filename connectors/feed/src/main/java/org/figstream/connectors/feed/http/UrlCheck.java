package org.figstream.connectors.feed.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one parse of a URL that both the allow-list check and the connection use. Reactor Netty reads
 * a URL string with its own pattern, under which {@code http://a@b:1/} has host {@code a@b} and
 * {@code http://a#@b:1/} host {@code a#@b}, where java.net.URI reads host {@code b} and {@code a}:
 * a check on one parse and a connection on the other disagree on where the request goes. So every
 * shape on which parsers are known to differ (user info, a fragment, a backslash) is refused
 * unsent, and what passes is handed to Netty as this URI, never as the string.
 */
public final class UrlCheck {
  private UrlCheck() {}

  /**
   * {@code url} parsed and checked against {@code settings}' allow-list.
   *
   * @throws FetchFailure {@code bad-url} or {@code host-not-allowed}, permanent, nothing sent
   */
  static URI parse(String url, HttpSettings settings) {
    URI uri = shape(url);
    String host = host(uri);
    int port = port(uri);
    if (!settings.allows(host, port)) {
      throw FetchFailure.permanent(
          "host-not-allowed",
          url,
          "host "
              + host
              + " on port "
              + port
              + " is not in the allow-list "
              + settings.allowedHosts()
              + "; nothing was sent");
    }
    return uri;
  }

  /**
   * The allow-list entry that admits {@code url}'s host on its port only: {@code host:port}, the
   * scheme's default port made explicit where the URL has none.
   *
   * @throws IllegalArgumentException when {@code url} is not one figstream would fetch
   */
  public static String origin(String url) {
    try {
      URI uri = shape(url);
      return host(uri) + ":" + port(uri);
    } catch (FetchFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static String host(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  /** The port a connection to {@code uri} goes to: its own, else its scheme's default. */
  static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static URI shape(String url) {
    if (url.indexOf('\\') >= 0) {
      throw bad(url, "URL " + url + " contains a backslash, which parsers read differently");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw bad(url, "not a URL: " + url + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw bad(url, "only http and https URLs are fetched: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw bad(url, "URL " + url + " has user info (name@ before the host)");
    }
    if (uri.getRawFragment() != null) {
      throw bad(url, "URL " + url + " has a fragment (#...)");
    }
    if (uri.getHost() == null) {
      // java.net.URI fell back to a registry-based authority it cannot read a host from
      throw bad(url, "URL " + url + " has no host java.net.URI can read");
    }
    return uri;
  }

  private static FetchFailure bad(String url, String why) {
    return FetchFailure.permanent(
        "bad-url", url, why + "; refused before any connection, nothing was sent");
  }
}
