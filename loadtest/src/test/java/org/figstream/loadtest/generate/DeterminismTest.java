package org.figstream.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.sample.StoredObject;
import org.junit.jupiter.api.Test;

/** The same seed gives the same bucket, byte for byte; another seed another one. */
class DeterminismTest {
  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.defaults(42, 4)
          .withArticlesPerDay(2)
          .withShares(0.2, 0.2, 0.5, 0, 0)
          .withLargeImages(0, 0);

  @Test
  void shouldMakeIdenticalBytesFromTheSameSeed() {
    Map<String, StoredObject> first = new GeneratedBucket(SETTINGS, 0).objects(SETTINGS.days());
    Map<String, StoredObject> second = new GeneratedBucket(SETTINGS, 0).objects(SETTINGS.days());

    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach(
        (key, object) -> {
          assertThat(second.get(key).etag()).as(key).isEqualTo(object.etag());
          assertThat(second.get(key).bytes()).as(key).isEqualTo(object.bytes());
          assertThat(object.bytes()).as(key).hasSize((int) object.size());
          // made again on request (no cache here): still the bytes the metadata's MD5 names
          assertThat(HttpFetcher.md5Hex(object.bytes())).as(key).isEqualTo(object.etag());
        });
    assertThat(first.keySet()).contains("metadata/PMC900000001.1.json");
  }

  @Test
  void shouldMakeAnotherCorpusFromAnotherSeed() {
    GeneratorSettings other = new GeneratorSettings(43, 4, 2, 0.2, 0.2, 0.5, 0, 0, 0, 0);
    ArticlePlan a = new ArticlePlanner(SETTINGS).plan(0, 1);
    ArticlePlan b = new ArticlePlanner(other).plan(0, 1);

    assertThat(JatsWriter.write(b)).isNotEqualTo(JatsWriter.write(a));
  }
}
