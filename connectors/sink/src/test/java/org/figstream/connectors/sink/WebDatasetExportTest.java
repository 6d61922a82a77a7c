package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebDatasetExportTest {
  @TempDir Path dir;

  @Test
  void shouldWriteEveryLiveFigureWithAnImageOnceInBiomedicasLayoutSpreadOverShards()
      throws IOException {
    // the first two sample articles whose figures have image files, normalised as the pipeline does
    SampleTopics topics = SampleTopics.upsertAll(List.of());
    Map<String, FigureRecord> withImage = new HashMap<>();
    Map<String, String> articleOf = new HashMap<>();
    int articles = 0;
    ImageNormalizer normalizer = new ImageNormalizer();
    for (SampleRecords.Extracted a : SampleRecords.articles()) {
      List<FigureRecord> imaged =
          a.figures().stream()
              .filter(f -> f.mediaFile() != null && SampleArticles.isImage(f.mediaFile()))
              .toList();
      if (imaged.size() < 3 || articles == 2) {
        continue;
      }
      articles++;
      for (FigureRecord f : imaged) {
        topics.figure(f, a.article(), "commercial", a.image(f, normalizer));
        withImage.put(f.pairId(), f);
        articleOf.put(WebDatasetExport.key(f.pairId()), a.article().articleKey());
      }
    }
    FigureRecord dropped = withImage.values().iterator().next();
    topics.tombstone("figures", dropped.pairId(), "superseded");
    withImage.remove(dropped.pairId());

    List<String> tars;
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir).withWebDataset(4), FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
      tars = sink.compact(false).webdataset();
    }
    assertThat(tars).hasSize((withImage.size() + 3) / 4);

    Map<String, Map<String, byte[]>> samples = new HashMap<>();
    Map<String, Set<Integer>> shardsOfArticle = new HashMap<>();
    for (int i = 0; i < tars.size(); i++) {
      try (InputStream in = Files.newInputStream(dir.resolve(tars.get(i)));
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          String name = e.getName();
          String key = name.substring(0, name.indexOf('.'));
          samples
              .computeIfAbsent(key, k -> new HashMap<>())
              .put(name.substring(name.indexOf('.') + 1), tar.readAllBytes());
          shardsOfArticle.computeIfAbsent(articleOf.get(key), k -> new HashSet<>()).add(i);
        }
      }
    }
    List<String> expectedKeys = new ArrayList<>();
    withImage.keySet().forEach(p -> expectedKeys.add(WebDatasetExport.key(p)));
    assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    ObjectMapper json = new ObjectMapper();
    for (FigureRecord f : withImage.values()) {
      Map<String, byte[]> sample = samples.get(WebDatasetExport.key(f.pairId()));
      assertThat(sample).containsOnlyKeys("jpg", "txt", "json");
      assertThat(sample.get("jpg")).startsWith((byte) 0xFF, (byte) 0xD8);
      assertThat(new String(sample.get("txt"), StandardCharsets.UTF_8)).isEqualTo(f.caption());
      JsonNode meta = json.readTree(sample.get("json"));
      assertThat(meta.get("pair_id").asText()).isEqualTo(f.pairId());
      assertThat(meta.get("subset").asText()).isEqualTo("commercial");
      assertThat(meta.get("license").asText()).isEqualTo("CC BY");
    }
    // an article's figures are not kept together in one shard
    assertThat(shardsOfArticle.values()).allMatch(shards -> shards.size() > 1);
  }
}
