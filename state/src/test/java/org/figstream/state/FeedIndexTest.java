package org.figstream.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed index on real RocksDB: kept across a reopen, and a damaged one named with advice. */
class FeedIndexTest {
  @TempDir Path dir;

  @Test
  void shouldKeepWhatItWasToldAcrossAReopen() {
    try (FeedIndex index = new FeedIndex(dir)) {
      index.put("metadata/PMC1.1.json", "etag-1", "2026-11-20T01-00Z");
      index.put("metadata/PMC2.1.json", "etag-2", "2026-11-20T01-00Z");
      index.delete("metadata/PMC2.1.json");
    }
    try (FeedIndex index = new FeedIndex(dir)) {
      assertThat(index.get("metadata/PMC1.1.json"))
          .isEqualTo(new FeedIndex.Entry("etag-1", "2026-11-20T01-00Z"));
      assertThat(index.get("metadata/PMC2.1.json")).isNull();
    }
  }

  @Test
  void shouldRestampAKeyItHoldsWithItsOldEtagAndLeaveAnAbsentKeyAbsent() {
    try (FeedIndex index = new FeedIndex(dir)) {
      index.put("metadata/PMC1.1.json", "etag-1", "2026-11-20T01-00Z");

      index.restamp("metadata/PMC1.1.json", "2026-11-21T01-00Z");
      index.restamp("metadata/PMC2.1.json", "2026-11-21T01-00Z");

      assertThat(index.get("metadata/PMC1.1.json"))
          .isEqualTo(new FeedIndex.Entry("etag-1", "2026-11-21T01-00Z"));
      assertThat(index.get("metadata/PMC2.1.json")).isNull();
    }
  }

  @Test
  void shouldKeepWhereItsStampsReachApartFromTheKeys() {
    try (FeedIndex index = new FeedIndex(dir)) {
      assertThat(index.stampedThrough()).isNull();
      index.stampedThrough(new FeedIndex.Position("2026-11-21T01-00Z", 1, 1000));

      assertThat(index.isEmpty()).isTrue();
      index.put("metadata/PMC1.1.json", "etag-1", "2026-11-20T01-00Z");
      List<String> notListed = new ArrayList<>();
      index.forEachNotListedIn("2026-11-21T01-00Z", (key, entry) -> notListed.add(key));
      assertThat(notListed).containsExactly("metadata/PMC1.1.json");
    }
    try (FeedIndex index = new FeedIndex(dir)) {
      assertThat(index.stampedThrough())
          .isEqualTo(new FeedIndex.Position("2026-11-21T01-00Z", 1, 1000));
    }
  }

  @Test
  void shouldNameADamagedIndexAndSayWhatToDo() throws Exception {
    try (FeedIndex index = new FeedIndex(dir)) {
      index.put("metadata/PMC1.1.json", "etag-1", "2026-11-20T01-00Z");
    }
    // the MANIFEST files say which tables make the database: garbage there is a corrupt index
    try (Stream<Path> files = Files.list(dir)) {
      for (Path manifest :
          files.filter(p -> p.getFileName().toString().startsWith("MANIFEST-")).toList()) {
        Files.write(manifest, "not a manifest".getBytes(StandardCharsets.US_ASCII));
      }
    }

    assertThatThrownBy(() -> new FeedIndex(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot open the feed index at " + dir + ": ")
        // RocksDB names the damaged file
        .hasMessageContaining(dir.resolve("MANIFEST-").toString())
        .hasMessageContaining("may be corrupted. If it is damaged")
        .hasMessageEndingWith(
            "If it is damaged, move the folder aside (or delete it) and start again: the next"
                + " feed pass announces every version the inventory lists once more, and the"
                + " version gate drops those already processed");
  }
}
