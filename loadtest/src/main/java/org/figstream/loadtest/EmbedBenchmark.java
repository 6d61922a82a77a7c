package org.figstream.loadtest;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import javax.imageio.ImageIO;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.label.DrawnImage;
import org.figstream.processors.label.PanelGutters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One operation = every normalised sample image (61, at most 1024 px), or every sample caption
 * (82). {@code stage*} goes through figstream's embedder as the enrichment stage does:
 * preprocessing on the parallel scheduler, the micro-batcher, DJL's OnnxRuntime engine, pooling and
 * normalisation. {@code stageImages} starts from the normaliser's rasters, as the stage now does,
 * and measures the labeller's pixel prior on each on its way to the encoder, as the annotator does;
 * {@code stageImagesFromJpeg} decodes the normalised JPEGs first, as it did before the normaliser
 * handed its raster on. {@code bare*} is the floor: one plain ONNX Runtime session on the same
 * model file, fed the same batches already preprocessed (or tokenized), doing nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbedBenchmark {
  static final int BATCH = 16;

  private final DoubleAdder priors = new DoubleAdder();
  private List<BufferedImage> rasters;
  private List<byte[]> jpegs;
  private List<String> captions;
  private Embedder embedder;
  private OrtEnvironment env;
  private OrtSession bareImage;
  private OrtSession bareText;
  private List<float[]> imageBatches;
  private List<TextBatch> textBatches;

  /** One tokenized batch: rows x length ids, mask and types. */
  private record TextBatch(long[] ids, long[] mask, long[] types, long rows, long length) {}

  @Setup(Level.Trial)
  public void load() throws Exception {
    SampleFigures figures = SampleFigures.load();
    rasters = figures.rasters();
    jpegs = figures.jpegs();
    captions = figures.captions();
    embedder =
        Embedder.open(
            new EmbeddingSettings(
                "mobilenet-v2",
                "all-minilm-l6-v2",
                Accelerator.CPU,
                BATCH,
                Duration.ofMillis(20),
                1));
    env = OrtEnvironment.getEnvironment();
    bareImage =
        env.createSession(
            resource("/org/figstream/processors/embed/models/mobilenet_v2_features.onnx"));
    bareText = env.createSession(resource("/all-minilm-l6-v2.onnx"));
    imageBatches = new ArrayList<>();
    List<float[]> inputs = new ArrayList<>();
    for (BufferedImage raster : rasters) {
      inputs.add(embedder.imageEncoder().preprocess(raster));
    }
    for (int i = 0; i < inputs.size(); i += BATCH) {
      List<float[]> batch = inputs.subList(i, Math.min(inputs.size(), i + BATCH));
      float[] flat = new float[batch.size() * batch.get(0).length];
      for (int j = 0; j < batch.size(); j++) {
        System.arraycopy(batch.get(j), 0, flat, j * batch.get(0).length, batch.get(0).length);
      }
      imageBatches.add(flat);
    }
    textBatches = new ArrayList<>();
    try (InputStream in =
            EmbedBenchmark.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json");
        HuggingFaceTokenizer tokenizer =
            HuggingFaceTokenizer.newInstance(
                in, Map.of("padding", "true", "truncation", "true", "maxLength", "256"))) {
      for (int i = 0; i < captions.size(); i += BATCH) {
        Encoding[] enc =
            tokenizer.batchEncode(captions.subList(i, Math.min(captions.size(), i + BATCH)));
        textBatches.add(
            new TextBatch(
                flat(enc, Encoding::getIds),
                flat(enc, Encoding::getAttentionMask),
                flat(enc, Encoding::getTypeIds),
                enc.length,
                enc[0].getIds().length));
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws OrtException {
    embedder.close();
    bareImage.close();
    bareText.close();
  }

  @Benchmark
  public void stageImages(Blackhole bh) {
    bh.consume(
        Flux.fromIterable(rasters)
            .flatMapSequential(raster -> embedder.image(() -> measured(raster)), 64)
            .collectList()
            .block());
  }

  @Benchmark
  public void stageImagesFromJpeg(Blackhole bh) {
    bh.consume(
        Flux.fromIterable(jpegs)
            .flatMapSequential(
                jpeg ->
                    Mono.fromCallable(() -> decode(jpeg))
                        .subscribeOn(Schedulers.parallel())
                        .flatMap(decoded -> embedder.image(() -> measured(decoded))),
                64)
            .collectList()
            .block());
  }

  @Benchmark
  public void bareImages(Blackhole bh) throws OrtException {
    int per = 224 * 224 * 3;
    for (float[] batch : imageBatches) {
      try (OnnxTensor x =
              OnnxTensor.createTensor(
                  env, FloatBuffer.wrap(batch), new long[] {batch.length / per, 224, 224, 3});
          OrtSession.Result r = bareImage.run(Map.of("input_nhwc", x))) {
        bh.consume(r.get(0).getValue());
      }
    }
  }

  @Benchmark
  public void stageCaptions(Blackhole bh) {
    bh.consume(embedder.texts(captions).block());
  }

  @Benchmark
  public void bareCaptions(Blackhole bh) throws OrtException {
    for (TextBatch batch : textBatches) {
      long[] shape = {batch.rows(), batch.length()};
      Map<String, OnnxTensor> in = new HashMap<>();
      in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape));
      in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape));
      in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.types()), shape));
      try (OrtSession.Result r = bareText.run(in)) {
        bh.consume(r.get(0).getValue());
      } finally {
        in.values().forEach(OnnxTensor::close);
      }
    }
  }

  private long[] flat(Encoding[] enc, java.util.function.Function<Encoding, long[]> part) {
    int len = enc[0].getIds().length;
    long[] out = new long[enc.length * len];
    for (int i = 0; i < enc.length; i++) {
      System.arraycopy(part.apply(enc[i]), 0, out, i * len, len);
    }
    return out;
  }

  /**
   * What the annotator does with the pixels before the encoder gets them (summed: Blackholes are
   * per thread).
   */
  private BufferedImage measured(BufferedImage pixels) {
    priors.add(DrawnImage.probability(pixels) + PanelGutters.count(pixels));
    return pixels;
  }

  private static BufferedImage decode(byte[] jpeg) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = EmbedBenchmark.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
