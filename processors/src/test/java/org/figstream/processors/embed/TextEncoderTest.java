package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.figstream.processors.label.CaptionSentences;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default text encoder (e5-small-v2) on real captions of the sample articles. */
class TextEncoderTest {
  private static OnnxTextEncoder encoder;
  private static List<String> captions;

  @BeforeAll
  static void load() {
    NativeCache.configure();
    encoder = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), Accelerator.CPU);
    captions =
        SampleFigures.all().values().stream()
            .map(FigureRecord::caption)
            .filter(c -> c != null && !c.isBlank())
            .toList();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void shouldMakeUnit384DimensionalVectors() {
    List<float[]> vectors = encoder.embed(captions.subList(0, 8), TextRole.CAPTION);

    assertThat(vectors).hasSize(8);
    for (float[] v : vectors) {
      assertThat(v).hasSize(384);
      assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    }
    assertThat(Vectors.dot(vectors.get(0), vectors.get(1))).isLessThan(0.99f);
  }

  @Test
  void shouldNotLetPaddingChangeAShortCaptionsVector() {
    String shortCaption = "Western blot of whole-cell lysates probed with anti-actin.";
    String longCaption =
        captions.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
    assertThat(longCaption.length()).isGreaterThan(1000);

    float[] alone = encoder.embed(List.of(shortCaption), TextRole.CAPTION).get(0);
    List<float[]> batch = encoder.embed(List.of(longCaption, shortCaption), TextRole.CAPTION);

    assertThat(batch.get(1)).containsExactly(alone, within(1e-5f));
    assertThat(batch.get(0))
        .containsExactly(
            encoder.embed(List.of(longCaption), TextRole.CAPTION).get(0), within(1e-5f));
  }

  @Test
  void shouldGiveATextTheSameVectorWhateverTheInt8ModelBatchesItWith(@TempDir Path dir)
      throws IOException {
    // int8 weights with activations quantized on the fly: the scale comes from the whole input
    // tensor, so in a shared call the other rows and the padding would move a text's vector
    List<String> batch = captions.subList(0, 12);
    EncoderDescriptor q = BuiltinModels.resolve(BuiltinModels.E5_INT8);
    assertThat(q.dynamicQuantization()).isTrue();
    try (OnnxTextEncoder int8 = new OnnxTextEncoder(q, Accelerator.CPU);
        OnnxTextEncoder sharing =
            new OnnxTextEncoder(sharedCalls(dir), Accelerator.CPU, CallPlan::oneCall)) {
      List<float[]> together = int8.embed(batch, TextRole.CAPTION);
      List<float[]> inSharedCalls = sharing.embed(batch, TextRole.CAPTION);
      float moved = 0;
      for (int i = 0; i < batch.size(); i++) {
        float[] alone = int8.embed(List.of(batch.get(i)), TextRole.CAPTION).get(0);
        assertThat(together.get(i)).as(batch.get(i)).containsExactly(alone, within(1e-6f));
        for (int k = 0; k < alone.length; k++) {
          moved = Math.max(moved, Math.abs(inSharedCalls.get(i)[k] - alone[k]));
        }
      }
      assertThat(moved).isGreaterThan(1e-4f);
    }
  }

  /** The built-in int8 descriptor without its dynamicQuantization flag. */
  private static EncoderDescriptor sharedCalls(Path dir) throws IOException {
    return EncoderDescriptor.read(
        Files.writeString(
            dir.resolve("e5-q-shared.json"),
            """
            {"name": "e5-q-shared", "kind": "text", "model": "classpath:e5-small-v2-q.onnx",
             "tokenizer": "classpath:e5-small-v2-q-tokenizer.json", "typesInput": "token_type_ids",
             "maskInput": "attention_mask", "output": "last_hidden_state", "pooling": "mean",
             "normalize": true, "dimensions": 384}
            """));
  }

  @Test
  void shouldEmbedAnEnormousCaptionAsItsFirst256Tokens() {
    String all = captions.stream().collect(Collectors.joining(" "));
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 1_048_576) {
      huge.append(all).append(' ');
    }
    String enormous = huge.toString();

    float[] whole = encoder.embed(List.of(enormous), TextRole.CAPTION).get(0);
    float[] head = encoder.embed(List.of(enormous.substring(0, 20_000)), TextRole.CAPTION).get(0);

    assertThat(enormous.length()).isGreaterThanOrEqualTo(1_048_576);
    assertThat(whole).hasSize(384).containsExactly(head, within(1e-6f));
    // The first 20,000 characters are far beyond 256 tokens: a 5,000-character head gives the same
    // vector.
    assertThat(encoder.embed(List.of(enormous.substring(0, 5_000)), TextRole.CAPTION).get(0))
        .containsExactly(head, within(1e-6f));
  }

  @Test
  void shouldStillEmbedTheEmptyString() {
    float[] empty = encoder.embed(List.of(""), TextRole.CAPTION).get(0);

    assertThat(empty).hasSize(384);
    assertThat(norm(empty)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void shouldPlaceAWesternBlotNearerAnImmunoblotThanASurvivalCurve() {
    List<float[]> v =
        encoder.embed(
            List.of(
                "Western blot of whole-cell lysates probed with anti-actin",
                "Immunoblot showing protein bands",
                "Kaplan-Meier survival curve"),
            TextRole.CAPTION);

    float blot = Vectors.dot(v.get(0), v.get(1));
    float survival = Vectors.dot(v.get(0), v.get(2));
    System.out.printf("western blot vs immunoblot %.4f, vs survival curve %.4f%n", blot, survival);
    // e5's cosines crowd into 0.7-1 (0.86 vs 0.79 here; all-MiniLM-L6-v2's margin was over 0.1).
    assertThat(blot).isGreaterThan(survival + 0.05f);
  }

  @Test
  void shouldKeepTheOrderOfTheInputs() {
    List<String> three = captions.subList(0, 3);
    List<float[]> forward = encoder.embed(three, TextRole.CAPTION);
    List<float[]> backward =
        encoder.embed(List.of(three.get(2), three.get(1), three.get(0)), TextRole.CAPTION);

    for (int i = 0; i < 3; i++) {
      assertThat(backward.get(2 - i)).containsExactly(forward.get(i), within(1e-5f));
    }
  }

  @Test
  void shouldGiveTheSameVectorsInLengthBucketsAsInOnePaddedCall() {
    // Captions and their sentences, as the annotator sends them: lengths from a few tokens to 256.
    List<String> texts = new ArrayList<>();
    for (String c : captions) {
      texts.add(c);
      texts.addAll(CaptionSentences.of(c));
    }
    // The bucketing is the encoder's, not the model's: MiniLM, half e5's layers, checks it in half
    // the time over every sample caption and sentence.
    EncoderDescriptor model = BuiltinModels.resolve(BuiltinModels.MINILM);
    try (OnnxTextEncoder bucketedEncoder = new OnnxTextEncoder(model, Accelerator.CPU);
        OnnxTextEncoder padded = new OnnxTextEncoder(model, Accelerator.CPU, false)) {
      float max = 0;
      for (int i = 0; i < texts.size(); i += 16) {
        List<String> batch = texts.subList(i, Math.min(texts.size(), i + 16));
        List<float[]> bucketed = bucketedEncoder.embed(batch, TextRole.CAPTION);
        List<float[]> one = padded.embed(batch, TextRole.CAPTION);
        assertThat(bucketed).hasSameSizeAs(batch);
        for (int j = 0; j < batch.size(); j++) {
          for (int k = 0; k < 384; k++) {
            max = Math.max(max, Math.abs(bucketed.get(j)[k] - one.get(j)[k]));
          }
        }
      }
      System.out.printf(
          "%d texts: bucketed vs one padded call, max |diff| %.2e%n", texts.size(), max);
      assertThat(max).isLessThan(1e-4f);
    }
  }

  @Test
  void shouldPutEachRolesPrefixBeforeItsTexts(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("e5-prefixed.json"),
            """
          {"name": "e5-prefixed", "kind": "text", "model": "classpath:e5-small-v2.onnx",
           "tokenizer": "classpath:e5-small-v2-tokenizer.json", "typesInput": "token_type_ids",
           "maskInput": "attention_mask", "captionPrefix": "query: ", "conceptPrefix": "passage: ",
           "output": "last_hidden_state", "pooling": "mean", "normalize": true, "dimensions": 384}
          """);
    String text = "Western blot of whole-cell lysates probed with anti-actin.";
    // The default e5 descriptor has no prefixes, so it embeds the prefixed text as given.
    try (OnnxTextEncoder prefixed =
        new OnnxTextEncoder(EncoderDescriptor.read(file), Accelerator.CPU)) {
      float[] caption = prefixed.embed(List.of(text), TextRole.CAPTION).get(0);
      float[] concept = prefixed.embed(List.of(text), TextRole.CONCEPT).get(0);

      assertThat(caption)
          .containsExactly(
              encoder.embed(List.of("query: " + text), TextRole.CAPTION).get(0), within(1e-5f));
      assertThat(concept)
          .containsExactly(
              encoder.embed(List.of("passage: " + text), TextRole.CONCEPT).get(0), within(1e-5f));
      assertThat(Vectors.dot(caption, concept)).isLessThan(0.999f);
    }
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }
}
