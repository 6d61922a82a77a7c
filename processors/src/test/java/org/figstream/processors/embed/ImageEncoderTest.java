package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in MobileNetV2 encoder against the reference export, on real sample figures. */
class ImageEncoderTest {
  private static OnnxImageEncoder raw;
  private static OnnxImageEncoder normalised;
  private static List<float[]> inputs;

  @BeforeAll
  static void load() {
    NativeCache.configure();
    raw = new OnnxImageEncoder(ReferenceFeatures.raw(null), Accelerator.CPU);
    normalised = new OnnxImageEncoder(BuiltinModels.resolve(BuiltinModels.IMAGE), Accelerator.CPU);
    inputs = ReferenceFeatures.inputs(raw.descriptor());
  }

  @AfterAll
  static void close() {
    raw.close();
    normalised.close();
  }

  @Test
  void shouldMatchTheCommittedReferenceFeatures() throws IOException {
    Map<String, float[]> reference = ReferenceFeatures.read();
    assertThat(reference.keySet()).containsExactlyElementsOf(ReferenceFeatures.IMAGES);

    float worst = 0;
    for (int i = 0; i < ReferenceFeatures.IMAGES.size(); i++) {
      float[] ours = raw.embed(List.of(inputs.get(i))).get(0);
      float[] expected = reference.get(ReferenceFeatures.IMAGES.get(i));
      assertThat(ours).hasSize(1280);
      worst = Math.max(worst, maxAbsDiff(ours, expected));
    }
    System.out.println("built-in vs committed reference features: max |diff| = " + worst);
    assertThat(worst).isLessThanOrEqualTo(1e-4f);
  }

  @Test
  void shouldMatchTheReferenceModelWhenItIsThere() throws IOException {
    Assumptions.assumeTrue(
        Files.exists(ReferenceFeatures.referenceModel()),
        "no reference model at " + ReferenceFeatures.referenceModel());
    try (OnnxImageEncoder reference =
        new OnnxImageEncoder(
            ReferenceFeatures.raw(ReferenceFeatures.referenceModel().toString()),
            Accelerator.CPU)) {
      List<float[]> expected = reference.embed(inputs);
      List<float[]> ours = raw.embed(inputs);

      float worst = 0;
      for (int i = 0; i < inputs.size(); i++) {
        worst = Math.max(worst, maxAbsDiff(ours.get(i), expected.get(i)));
      }
      System.out.println("built-in vs live reference model: max |diff| = " + worst);
      assertThat(worst).isLessThanOrEqualTo(1e-4f);
    }
  }

  @Test
  void shouldGiveTheSameVectorsInOneBatchAsOneAtATime() {
    List<float[]> batch = raw.embed(inputs);

    assertThat(batch).hasSize(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      float[] alone = raw.embed(List.of(inputs.get(i))).get(0);
      assertThat(batch.get(i))
          .as(ReferenceFeatures.IMAGES.get(i))
          .containsExactly(alone, within(1e-5f));
    }
  }

  @Test
  void shouldGiveDifferentImagesDifferentVectors() {
    List<float[]> vectors = raw.embed(inputs);

    for (int i = 1; i < vectors.size(); i++) {
      assertThat(maxAbsDiff(vectors.get(0), vectors.get(i)))
          .as(ReferenceFeatures.IMAGES.get(i))
          .isGreaterThan(0.1f);
    }
  }

  @Test
  void shouldMakeUnitVectorsWhenTheDescriptorSaysNormalize() {
    List<float[]> unit = normalised.embed(inputs);
    List<float[]> plain = raw.embed(inputs);

    for (int i = 0; i < inputs.size(); i++) {
      float[] u = unit.get(i);
      assertThat(u).hasSize(1280);
      assertThat(norm(u)).as(ReferenceFeatures.IMAGES.get(i)).isCloseTo(1.0, within(1e-5));
      float n = (float) norm(plain.get(i));
      assertThat(n).isGreaterThan(1f);
      float[] scaled = new float[u.length];
      for (int k = 0; k < u.length; k++) {
        scaled[k] = plain.get(i)[k] / n;
      }
      assertThat(u).containsExactly(scaled, within(1e-6f));
    }
  }

  @Test
  void shouldRefuseAnInputOfTheWrongLength() {
    List<float[]> wrong = new ArrayList<>(List.of(inputs.get(0), new float[3 * 224 * 223]));

    assertThatThrownBy(() -> raw.embed(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input of 149856 values, the model takes 150528");
  }

  @Test
  void shouldReturnNothingForNoInputs() {
    assertThat(raw.embed(List.of())).isEmpty();
  }

  private static float maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    float worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }
}
