package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.records.NormalizedImage;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset format 2 read back with DuckDB: images in Hugging Face datasets' Image layout with the
 * features metadata that says so, exact perceptual hashes, maps as key/value lists, the WebDataset
 * pointer, and format 1 refused.
 */
class DatasetFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void shouldStoreTheSourceImageBytesAsAnImageStructAndTheHashAsItsHex() throws IOException {
    ImagedDataset d = ImagedDataset.write(dir);
    List<List<Object>> rows =
        Duck.rows(
            "SELECT pair_id, image.bytes, image.path, perceptual_hash, "
                + "('0x' || perceptual_hash)::UBIGINT::VARCHAR FROM read_parquet('"
                + dir
                + "/figures/*/*.parquet') "
                + "WHERE image IS NOT NULL ORDER BY pair_id");
    assertThat(rows).hasSize(d.images.size()).hasSizeGreaterThanOrEqualTo(6);
    for (List<Object> r : rows) {
      NormalizedImage source = d.images.get((String) r.get(0));
      assertThat(bytes(r.get(1))).as("image bytes of %s", r.get(0)).isEqualTo(source.jpeg());
      assertThat(r.get(2)).isEqualTo(WebDatasetExport.key((String) r.get(0)) + ".jpg");
      assertThat(r.get(3)).isEqualTo(source.perceptualHashHex()).asString().hasSize(16);
      assertThat(r.get(4)).isEqualTo(Long.toUnsignedString(source.perceptualHash()));
    }
    assertThat(
            Duck.count(
                "SELECT count(*) FROM read_parquet('"
                    + dir
                    + "/figures/*/*.parquet') "
                    + "WHERE image IS NULL AND perceptual_hash IS NULL"))
        .isEqualTo(d.figures - d.images.size());
  }

  @Test
  void shouldDeclareImageAsADatasetsImageAndEveryOtherColumnAsInferred() throws IOException {
    ImagedDataset.write(dir);
    List<List<Object>> kv =
        Duck.rows(
            "SELECT DISTINCT decode(key), decode(value) FROM parquet_kv_metadata('"
                + dir
                + "/figures/*/*.parquet') WHERE decode(key) IN ('huggingface', 'figstream.format')");
    Map<Object, Object> metadata =
        kv.stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
    assertThat(metadata).containsEntry("figstream.format", "2").hasSize(2);
    JsonNode features =
        JSON.readTree((String) metadata.get("huggingface")).get("info").get("features");
    assertThat(features.get("image")).isEqualTo(JSON.readTree("{\"_type\":\"Image\"}"));
    assertThat(features.get("perceptual_hash"))
        .isEqualTo(JSON.readTree("{\"dtype\":\"string\",\"_type\":\"Value\"}"));
    assertThat(features.get("image_embedding"))
        .isEqualTo(JSON.readTree("[{\"dtype\":\"float32\",\"_type\":\"Value\"}]"));
    assertThat(features.get("global_labels"))
        .isEqualTo(
            JSON.readTree(
                "[{\"concept\":{\"dtype\":\"string\",\"_type\":\"Value\"},\"score\":{\"dtype\":\"float32\",\"_type\":\"Value\"}}]"));
    assertThat(features.get("processed_at"))
        .isEqualTo(JSON.readTree("{\"dtype\":\"timestamp[ms, tz=UTC]\",\"_type\":\"Value\"}"));
    assertThat(iterable(features.fieldNames()))
        .containsExactlyElementsOf(
            RecordSchemas.FIGURE_ROW.getFields().stream().map(Schema.Field::name).toList());
    // the articles table has no image: datasets infers all of it
    assertThat(
            Duck.count(
                "SELECT count(*) FROM parquet_kv_metadata('"
                    + dir
                    + "/articles/*/*.parquet') "
                    + "WHERE decode(key) = 'huggingface'"))
        .isZero();
  }

  @Test
  void shouldStoreArticleIdsAsKeyValueListsSortedByKey() throws IOException {
    ImagedDataset d = ImagedDataset.write(dir);
    List<List<Object>> rows =
        Duck.rows(
            "SELECT article_key, typeof(article_ids), array_to_string(list_transform("
                + "article_ids, lambda e: e.key || '=' || e.value), ',') FROM read_parquet('"
                + dir
                + "/articles/*/*.parquet')");
    assertThat(rows).hasSize(2);
    for (List<Object> r : rows) {
      Map<String, String> ids =
          new TreeMap<>(d.articles.get((String) r.get(0)).article().articleIds());
      assertThat(ids).isNotEmpty();
      assertThat(r.get(1)).isEqualTo("STRUCT(\"key\" VARCHAR, \"value\" VARCHAR)[]");
      assertThat(r.get(2))
          .isEqualTo(
              ids.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",")));
    }
  }

  @Test
  void shouldPointAtTheCurrentTarsFromAStableFile() throws IOException {
    ImagedDataset d = ImagedDataset.write(dir);
    Path pointer = dir.resolve(DatasetFiles.CURRENT_TARS);
    assertThat(Files.readAllLines(pointer)).isEqualTo(d.tars).hasSize((d.images.size() + 1) / 2);
    assertThat(d.tars).allMatch(t -> Files.isRegularFile(dir.resolve(t)));
    List<String> next;
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir).withWebDataset(3), FaultPoint.Hook.NONE)) {
      next = sink.compact(true).webdataset();
    }
    assertThat(next)
        .doesNotContainAnyElementsOf(d.tars)
        .allMatch(t -> Files.isRegularFile(dir.resolve(t)));
    assertThat(Files.readAllLines(pointer)).isEqualTo(next);
    assertThat(d.tars).noneMatch(t -> Files.exists(dir.resolve(t)));
    assertThat(Files.readString(dir.resolve("README.md")))
        .contains("`webdataset/current.txt` always lists")
        .contains(
            "now "
                + next.size()
                + " tar(s) in `"
                + next.get(0).substring(0, next.get(0).lastIndexOf('/') + 1))
        .contains("download_mode=\"force_redownload\", verification_mode=\"no_checks\")");
  }

  @Test
  void shouldRefuseADatasetOfTheOldLayoutSayingHowToRebuildIt() throws IOException {
    ImagedDataset.write(dir);
    Path manifest = dir.resolve(ManifestStore.FILE);
    Files.writeString(
        manifest, Files.readString(manifest).replaceFirst("\"format\" : 2", "\"format\" : 1"));
    assertThatThrownBy(() -> DatasetSinkTest.open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "the dataset at "
                + dir
                + " has the row layout of an older figstream (format 1; this "
                + "figstream writes format 2: images readable by Hugging Face datasets, exact perceptual hashes). Its "
                + "rows cannot be mixed with new ones: move the folder aside (or delete it) and start again with the "
                + "same settings; the sink rebuilds the dataset from the topics");
  }

  private static byte[] bytes(Object blob) {
    try {
      java.sql.Blob b = (java.sql.Blob) blob;
      return b.getBytes(1, (int) b.length());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
