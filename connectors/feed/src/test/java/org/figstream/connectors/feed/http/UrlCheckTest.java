package org.figstream.connectors.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The allow-list entry figstream builds from a configured URL names its port. */
class UrlCheckTest {

  @Test
  void shouldMakeTheSchemesDefaultPortExplicit() {
    assertThat(UrlCheck.origin("https://pmc-oa-opendata.s3.amazonaws.com"))
        .isEqualTo("pmc-oa-opendata.s3.amazonaws.com:443");
    assertThat(UrlCheck.origin("http://Example.org/x")).isEqualTo("example.org:80");
    assertThat(UrlCheck.origin("http://127.0.0.1:9000/bucket")).isEqualTo("127.0.0.1:9000");
  }

  @Test
  void shouldRefuseAConfiguredUrlWithUserInfo() {
    assertThatThrownBy(() -> UrlCheck.origin("http://a@b.example/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "URL http://a@b.example/ has user info (name@ before the host); refused before any"
                + " connection, nothing was sent");
  }
}
