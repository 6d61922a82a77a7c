package org.figstream.processors.embed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.figstream.processors.testdata.SampleArticles;

/**
 * The committed fixture {@code embed/reference-features.tsv}: raw (not normalised) 1280-d features
 * of the reference MobileNetV2 export ({@code /work/shared/models/mobilenet_v2_features.onnx},
 * found as {@code ../shared/models} beside the repository) on a few sample figures.
 *
 * <p>Regenerate from the repository root, after {@code ./mvnw -B -o -q install -DskipTests -pl
 * processors -am}:
 *
 * <pre>
 * ./mvnw -B -o -q -pl processors dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp processors/target/test-classes:processors/target/classes:$(cat processors/target/cp.txt) \
 *     org.figstream.processors.embed.ReferenceFeatures processors/src/test/resources/embed/reference-features.tsv
 * </pre>
 */
final class ReferenceFeatures {
  static final String RESOURCE = "/embed/reference-features.tsv";

  /** JPEG, PNG and TIFF figures of six articles, small enough to decode quickly. */
  static final List<String> IMAGES =
      List.of(
          "elife-30274-v1/fig1.jpg",
          "elife-43154-v2/fig2.jpg",
          "elife-46472-v3/fig3.jpg",
          "pone.0091296/g002.png",
          "pone.0091296/t001.png",
          "pone.0093988/g001.png",
          "pone.0038869/pone.0038869.g002.tif",
          "pone.0056489/pone.0056489.g003.tif");

  private ReferenceFeatures() {}

  /**
   * The reference model beside the repository: {@code
   * <repo>/../shared/models/mobilenet_v2_features.onnx}.
   */
  static Path referenceModel() {
    Path repository = SampleArticles.root().getParent().getParent();
    return repository
        .resolveSibling("shared")
        .resolve("models/mobilenet_v2_features.onnx")
        .normalize();
  }

  /** The built-in descriptor with another model file and without normalisation. */
  static EncoderDescriptor raw(String model) {
    EncoderDescriptor d = BuiltinModels.resolve(BuiltinModels.IMAGE);
    return new EncoderDescriptor(
        d.name(),
        d.kind(),
        model == null ? d.model() : model,
        d.space(),
        d.input(),
        d.layout(),
        d.size(),
        d.resize(),
        d.scale(),
        d.mean(),
        d.std(),
        d.tokenizer(),
        d.maxTokens(),
        d.idsInput(),
        d.maskInput(),
        d.typesInput(),
        d.captionPrefix(),
        d.conceptPrefix(),
        d.output(),
        d.pooling(),
        false,
        d.dimensions(),
        false);
  }

  static BufferedImage decode(String relative) {
    try {
      BufferedImage image = ImageIO.read(SampleArticles.root().resolve(relative).toFile());
      if (image == null) {
        throw new IllegalStateException("ImageIO cannot read " + relative);
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The preprocessed inputs of {@link #IMAGES}, in order. */
  static List<float[]> inputs(EncoderDescriptor descriptor) {
    ImagePreprocessor preprocessor = new ImagePreprocessor(descriptor);
    return IMAGES.stream().map(ReferenceFeatures::decode).map(preprocessor::apply).toList();
  }

  /** The committed fixture: image name to features. */
  static Map<String, float[]> read() throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    try (var in = ReferenceFeatures.class.getResourceAsStream(RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        float[] v = new float[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          v[i - 1] = Float.parseFloat(f[i]);
        }
        out.put(f[0], v);
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    NativeCache.configure();
    Path model = referenceModel();
    List<String> lines = new ArrayList<>();
    // The encoder first: DJL must create the ONNX Runtime environment, asking for it earlier breaks
    // DJL.
    try (OnnxImageEncoder encoder = new OnnxImageEncoder(raw(model.toString()), Accelerator.CPU)) {
      lines.add(
          "# Raw 1280-d features (output 'features', not normalised) of the REFERENCE MobileNetV2 export");
      lines.add("# /work/shared/models/mobilenet_v2_features.onnx, sha256 " + sha256(model));
      lines.add(
          "# made "
              + LocalDate.now()
              + " by org.figstream.processors.embed.ReferenceFeatures (test code),"
              + " ONNX Runtime "
              + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion()
              + " on the CPU,");
      lines.add(
          "# descriptor models/mobilenet-v2.json with that model file and normalize=false; images decoded"
              + " with ImageIO (TwelveMonkeys), preprocessed by ImagePreprocessor (224x224 squash, bilinear, x/255, NHWC)");
      lines.add("# columns: image under samples/articles, then 1280 floats (Float.toString)");
      List<float[]> inputs = inputs(encoder.descriptor());
      for (int i = 0; i < IMAGES.size(); i++) {
        StringBuilder line = new StringBuilder(IMAGES.get(i));
        for (float x : encoder.embed(List.of(inputs.get(i))).get(0)) {
          line.append('\t').append(Float.toString(x));
        }
        lines.add(line.toString());
      }
    }
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
