package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code figstream enrich} on the sample articles, with the built-in models, as a user runs it. */
class EnrichCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  record Run(int exit, List<JsonNode> lines, String err) {}

  Run enrich(String... args) throws Exception {
    return enrich(dataDir, args);
  }

  /** Runs {@code figstream enrich} in-process with {@code dataDir} as its data directory. */
  static Run enrich(Path dataDir, String... args) throws Exception {
    return enrich(dataDir, Map.of(), args);
  }

  /** As {@link #enrich(Path, String...)}, with {@code env} as the environment. */
  static Run enrich(Path dataDir, Map<String, String> env, String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("enrich", "--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(String[]::new));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(exit, lines, err.toString());
  }

  @Test
  void shouldEmbedAndLabelEverySampleFigure() throws Exception {
    List<FigureRecord> expected = new ArrayList<>();
    SampleRecords.articles().forEach(a -> expected.addAll(a.figures()));
    Set<String> globals = new HashSet<>();
    JSON.readTree(getClass().getResourceAsStream("/org/figstream/records/biomedica-taxonomy.json"))
        .get("global_concepts")
        .forEach(g -> globals.add(g.get("name").asText()));

    Run run = enrich(SampleArticles.root().toString());

    assertThat(run.exit()).isZero();
    assertThat(run.lines())
        .extracting(l -> l.get("pairId").asText())
        .containsExactlyElementsOf(expected.stream().map(FigureRecord::pairId).toList());
    long withImage = expected.stream().filter(f -> f.mediaFile() != null).count();
    assertThat(run.lines())
        .filteredOn(l -> l.get("imageEmbedding").isObject())
        .hasSize((int) withImage);
    for (JsonNode line : run.lines()) {
      boolean hasMedia = !line.get("mediaFile").isNull();
      assertThat(line.path("imageEmbedding").path("dimensions").asInt())
          .isEqualTo(hasMedia ? 1280 : 0);
      assertThat(line.get("drawnProbability").isNull()).isEqualTo(!hasMedia);
      if (hasMedia) {
        assertThat(line.get("drawnProbability").asDouble()).isBetween(0.0, 1.0);
      }
      assertThat(line.get("captionEmbedding").get("dimensions").asInt()).isEqualTo(384);
      assertThat(line.get("captionEmbedding").has("vector")).isFalse();
      assertThat(line.get("ocr").isNull()).as("OCR is off by default on the CPU").isTrue();
      JsonNode labels = line.get("labels");
      assertThat(labels.get("method").asText()).isEqualTo("zero-shot");
      labels.get("global").forEach(g -> assertThat(globals).contains(g.get("concept").asText()));
      assertThat(labels.get("panelType").asText()).isIn("single", "multiple");
      if (line.get("kind").asText().equals("table")) {
        // the markup says so: the one global concept is Tables
        assertThat(labels.get("global")).hasSize(1);
        assertThat(labels.get("global").get(0).get("concept").asText()).isEqualTo("Tables");
      } else {
        GlobalLabels.assertTopK(labels.get("global"), 3);
      }
    }
    assertThat(run.err())
        .contains(
            "enrich: 9 articles, "
                + expected.size()
                + " figures, "
                + withImage
                + " image embeddings, "
                + expected.size()
                + " caption embeddings, "
                + expected.size()
                + " labelled, 0 problems");
  }

  /**
   * elife-46472 figure 2 (two plots of body temperature; its panel titles and x axis title read by
   * eye) with the default encoders and labeller, whose text detection OCR reads from.
   */
  @Test
  void shouldCarryTheTextReadInEachImageWithOcr() throws Exception {
    Run run = enrich("--ocr", SampleArticles.root().resolve("elife-46472-v3").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("OCR on").contains(", 0 problems");
    JsonNode plot = line(run, "doi:10.7554/eLife.46472/fig2/1");
    List<String> texts = new ArrayList<>();
    plot.get("ocr").forEach(l -> texts.add(l.get("text").asText()));
    assertThat(texts).contains("Saline", "2 mg/kg MA", "Time (min)");
    JsonNode saline = plot.get("ocr").get(texts.indexOf("Saline"));
    assertThat(saline.get("score").asDouble()).isBetween(0.5, 1.0);
    JsonNode box = saline.get("box");
    assertThat(box.get("x").asInt() + box.get("width").asInt())
        .isLessThanOrEqualTo(plot.get("image").get("width").asInt());
    assertThat(box.get("y").asInt()).isLessThan(plot.get("image").get("height").asInt() / 4);
    // every figure with an image was read; one without stays null
    for (JsonNode line : run.lines()) {
      assertThat(line.get("ocr").isArray()).isEqualTo(line.has("image"));
    }
  }

  @Test
  void shouldTakeOcrFromTheEnvironmentAndLetTheCommandLineWin() throws Exception {
    String article = SampleArticles.root().resolve("elife-46472-v3").toString();
    String[] noModels = {"--image-model", "none", "--text-model", "none", "--labels", "none"};

    Run fromEnv = enrich(dataDir, Map.of("APP_OCR", "true"), concat(noModels, article));
    Run overruled =
        enrich(dataDir, Map.of("APP_OCR", "true"), concat(noModels, "--no-ocr", article));

    assertThat(line(fromEnv, "doi:10.7554/eLife.46472/fig2/1").get("ocr").size()).isPositive();
    assertThat(overruled.lines()).allSatisfy(l -> assertThat(l.get("ocr").isNull()).isTrue());
  }

  private static JsonNode line(Run run, String pairId) {
    return run.lines().stream()
        .filter(l -> l.get("pairId").asText().equals(pairId))
        .findFirst()
        .orElseThrow();
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void shouldPrintUnitLengthVectorsWhenAsked() throws Exception {
    Run run =
        enrich(
            "--with-embeddings",
            "--top-k",
            "1",
            SampleArticles.root().resolve("elife-19405").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(1); // fig1; inf1 is an inline graphic, not a figure
    for (JsonNode line : run.lines()) {
      assertThat(norm(line.get("imageEmbedding").get("vector")))
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(line.get("captionEmbedding").get("vector")).hasSize(384);
      GlobalLabels.assertTopK(line.get("labels").get("global"), 1);
    }
  }

  @Test
  void shouldRunWithoutModelsWhenToldSo() throws Exception {
    Run run =
        enrich(
            "--image-model",
            "none",
            "--text-model",
            "none",
            "--labels",
            "none",
            SampleArticles.root().resolve("elife-19405").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.lines())
        .allSatisfy(
            l -> {
              assertThat(l.get("imageEmbedding").isNull()).isTrue();
              assertThat(l.get("labels").isNull()).isTrue();
              assertThat(l.get("drawnProbability").isNull())
                  .as("no labeller, no pixel prior")
                  .isTrue();
            });
  }

  @Test
  void shouldExplainAModelThatCannotLoadInOneLine() throws Exception {
    Path descriptor = dataDir.resolve("broken.json");
    Files.writeString(
        descriptor,
        "{\"name\":\"broken\",\"kind\":\"image\",\"model\":\"missing.onnx\","
            + "\"input\":\"x\",\"size\":224,\"output\":\"y\",\"dimensions\":8}");

    Run run =
        enrich(
            "--image-model",
            descriptor.toString(),
            SampleArticles.root().resolve("elife-19405").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("enrich: cannot read model " + dataDir.resolve("missing.onnx"));
  }

  private static double norm(JsonNode vector) {
    double sum = 0;
    for (JsonNode x : vector) {
      sum += x.asDouble() * x.asDouble();
    }
    return Math.sqrt(sum);
  }
}
