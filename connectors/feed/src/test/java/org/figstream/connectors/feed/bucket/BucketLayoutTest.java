package org.figstream.connectors.feed.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketLayoutTest {

  @Test
  void shouldMapBucketUrlsToTheBaseUrl() {
    BucketLayout layout = new BucketLayout("http://127.0.0.1:8080/");

    assertThat(layout.host()).isEqualTo("127.0.0.1");
    assertThat(layout.resolve("s3://pmc-oa-opendata/PMC1.1/PMC1.1.xml?md5=ab"))
        .isEqualTo("http://127.0.0.1:8080/PMC1.1/PMC1.1.xml");
    assertThat(layout.manifestKey("2026-11-21T01-00Z"))
        .isEqualTo("inventory-reports/pmc-oa-opendata/metadata/2026-11-21T01-00Z/manifest.json");
  }

  @Test
  void shouldRefuseABaseUrlThatIsNotHttpWithAHostSayingWhat() {
    assertThatThrownBy(() -> new BucketLayout("notaurl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bucket URL 'notaurl' is not an http(s) URL with a host, e.g. "
                + "https://pmc-oa-opendata.s3.amazonaws.com");
    assertThatThrownBy(() -> new BucketLayout("s3://pmc-oa-opendata"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> new BucketLayout("http://bad host/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bucket URL 'http://bad host/' is not a URL");
  }
}
