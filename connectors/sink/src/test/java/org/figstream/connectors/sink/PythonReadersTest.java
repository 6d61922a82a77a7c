package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset read by the real Python readers its card promises: Hugging Face datasets (every
 * config, loaded and streamed; images as PIL images), pandas (hashes exact) and pyarrow (the
 * features metadata matches the files). Runs when FIGSTREAM_PYTHON names a Python with datasets,
 * pandas, pyarrow and pillow; skipped otherwise. read_dataset.py does the reading and prints JSON;
 * the expected values come from the source.
 */
class PythonReadersTest {
  private static final String PYTHON = System.getenv("FIGSTREAM_PYTHON");
  @TempDir Path dir;

  @Test
  void shouldLoadEveryConfigWithDatasetsImagesAsPilAndHashesExactInPandas() throws Exception {
    assumeTrue(PYTHON != null && !PYTHON.isBlank(), "FIGSTREAM_PYTHON is not set");
    assumeTrue(
        python(List.of("-c", "import datasets, pandas, pyarrow, PIL, yaml")).exit == 0,
        PYTHON + " lacks datasets, pandas, pyarrow, pillow or pyyaml");
    Path dataset = dir.resolve("dataset");
    ImagedDataset d = ImagedDataset.write(dataset);
    Path script = dir.resolve("read_dataset.py");
    try (InputStream in = getClass().getResourceAsStream("read_dataset.py")) {
      Files.copy(in, script);
    }
    Result run =
        python(List.of(script.toString(), dataset.toString(), dir.resolve("cache").toString()));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode out = new ObjectMapper().readTree(run.out);

    JsonNode configs = out.get("configs");
    assertThat(iterable(configs.fieldNames()))
        .containsExactly("commercial", "noncommercial", "articles");
    for (Map.Entry<String, ExtractedArticle> a : d.articles.entrySet()) {
      JsonNode config = configs.get(d.subsets.get(a.getKey()));
      assertThat(config.get("rows").asInt()).isEqualTo(a.getValue().figures().size());
      assertThat(config.get("streamed_rows").asInt()).isEqualTo(a.getValue().figures().size());
      assertThat(config.get("features").get("image").asText()).isEqualTo("Image");
      assertThat(configs.get("articles").get("article_ids").get(a.getKey()).toString())
          .isEqualTo(
              new ObjectMapper().writeValueAsString(entries(a.getValue().article().articleIds())));
    }
    assertThat(configs.get("articles").get("rows").asInt()).isEqualTo(2);

    int images = 0;
    for (String subset : List.of("commercial", "noncommercial")) {
      for (Map.Entry<String, JsonNode> e : iterable(configs.get(subset).get("images").fields())) {
        NormalizedImage source = d.images.get(e.getKey());
        JsonNode image = e.getValue();
        assertThat(image.get("pil").asBoolean()).as(e.getKey()).isTrue();
        assertThat(image.get("streamed_pil").asBoolean()).as(e.getKey()).isTrue();
        assertThat(image.get("size").toString())
            .isEqualTo("[" + source.width() + "," + source.height() + "]");
        assertThat(image.get("sha256").asText()).isEqualTo(sha256(source.jpeg()));
        assertThat(image.get("hash").asText()).isEqualTo(source.perceptualHashHex());
        images++;
      }
    }
    assertThat(images).isEqualTo(d.images.size());

    Map<String, String> hashes = new TreeMap<>();
    Map<String, String> unsigned = new TreeMap<>();
    d.images.forEach(
        (pair, image) -> {
          hashes.put(pair, image.perceptualHashHex());
          unsigned.put(pair, Long.toUnsignedString(image.perceptualHash()));
        });
    JsonNode pandas = out.get("pandas");
    assertThat(pandas.get("dtype").asText()).isNotIn("float64", "Float64");
    assertThat(new ObjectMapper().convertValue(pandas.get("hashes"), TreeMap.class))
        .isEqualTo(hashes);
    assertThat(new ObjectMapper().convertValue(pandas.get("unsigned"), TreeMap.class))
        .isEqualTo(unsigned);
    assertThat(out.get("feature_mismatches")).isEmpty();
  }

  @Test
  void shouldReadTheCompactedRowsTheWayTheCardSays() throws Exception {
    assumeTrue(PYTHON != null && !PYTHON.isBlank(), "FIGSTREAM_PYTHON is not set");
    assumeTrue(python(List.of("-c", "import datasets")).exit == 0, PYTHON + " lacks datasets");
    Path dataset = dir.resolve("dataset");
    ImagedDataset d = ImagedDataset.write(dataset);
    String commercial =
        d.subsets.entrySet().stream()
            .filter(e -> e.getValue().equals("commercial"))
            .findFirst()
            .orElseThrow()
            .getKey();
    List<String> pairs =
        d.articles.get(commercial).figures().stream().map(f -> f.pairId()).toList();
    Path script = dir.resolve("reload_dataset.py");
    try (InputStream in = getClass().getResourceAsStream("reload_dataset.py")) {
      Files.copy(in, script);
    }
    List<String> args =
        List.of(
            script.toString(), dataset.toString(), dir.resolve("cache").toString(), "commercial");
    Result before = python(args);
    assertThat(before.exit).as(before.err).isZero();
    assertThat(before.out.trim()).isEqualTo(counts(pairs.size(), pairs.size(), pairs.size()));

    // two pairs deleted, then compaction rewrites the commercial shard without them
    SampleTopics deletes = SampleTopics.empty();
    deletes
        .tombstone("figures", pairs.get(0), "retracted")
        .tombstone("figures", pairs.get(1), "retracted");
    try (DatasetSink sink =
        DatasetSinkTest.open(
            SinkSettings.defaults(dataset).withWebDataset(2), FaultPoint.Hook.NONE)) {
      sink.write(
          deletes.records().stream()
              .map(
                  r ->
                      new TopicRecord(
                          r.topic(),
                          r.partition(),
                          r.offset() + 1_000,
                          r.timestamp(),
                          r.key(),
                          null,
                          r.reason()))
              .toList());
      sink.commitAll();
      sink.compact(true);
    }
    Result after = python(args);
    assertThat(after.exit).as(after.err).isZero();
    // what the card says reads the files as they are (datasets 5.0 answers the cached count
    // otherwise)
    JsonNode counts = new ObjectMapper().readTree(after.out);
    assertThat(counts.get("forced").asInt()).isEqualTo(pairs.size() - 2);
    assertThat(counts.get("streamed").asInt()).isEqualTo(pairs.size() - 2);
    assertThat(Files.readString(dataset.resolve("README.md")))
        .contains("download_mode=\"force_redownload\", verification_mode=\"no_checks\")")
        .contains("streaming=True");
  }

  private static String counts(int cached, int forced, int streamed) {
    return "{\"cached\": "
        + cached
        + ", \"forced\": "
        + forced
        + ", \"streamed\": "
        + streamed
        + "}";
  }

  /**
   * A map as datasets gives the column back: its entries by key, each {key, value} in that order.
   */
  private static List<Map<String, String>> entries(Map<String, String> map) {
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(
                e -> {
                  Map<String, String> entry = new java.util.LinkedHashMap<>();
                  entry.put("key", e.getKey());
                  entry.put("value", e.getValue());
                  return entry;
                })
            .toList();
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private record Result(int exit, String out, String err) {}

  /** Runs the Python offline: datasets must read the folder, never the Hub. */
  private Result python(List<String> args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("HF_HUB_OFFLINE", "1");
    pb.environment().put("HF_DATASETS_OFFLINE", "1");
    pb.environment().put("HF_HOME", dir.resolve("hf").toString());
    Path err = dir.resolve("python.err");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(-1, "", e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(PYTHON + " took over 5 minutes");
    }
    return new Result(p.exitValue(), out, Files.readString(err));
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
