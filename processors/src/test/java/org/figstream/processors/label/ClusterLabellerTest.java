package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EncoderDescriptor;
import org.figstream.processors.embed.ImageEncoder;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D = 3 features, K = 2 components, C = 3 centroids. mean (1, 2, 3); components (0.6, 0.8, 0) and
 * (0, 0, 1), so a feature x projects to p = (0.6 (x0 - 1) + 0.8 (x1 - 2), x2 - 3); centroids (0,
 * 0), (5, 0), (0, 5).
 */
class ClusterLabellerTest {
  private static final double[] MEAN = {1, 2, 3};
  private static final double[][] COMPONENTS = {{0.6, 0.8, 0}, {0, 0, 1}};
  private static final double[][] CENTROIDS = {{0, 0}, {5, 0}, {0, 5}};
  private static final String LABELS =
      """
      {"0": {"panel_type": "single", "global": ["Plots and Charts"], "local": ["bar plot", "dot plot"]},
       "1": {"panel_type": "multiple", "global": ["Microscopy", "Immuno Assays"],
             "local": ["fluorescence microscopy", "immunoblot"]},
       "2": {"global": ["Tables"], "local": []}}
      """;

  @TempDir Path dir;

  @Test
  void shouldGiveAFeatureItsNearestClustersLabels() throws IOException {
    ClusterLabeller labeller =
        new ClusterLabeller(ClusterModel.read(folder("<f4", LABELS), Taxonomy.biomedica()), 3);

    // (4, 6, 3) centres to (3, 4, 0) and projects to (1.8 + 3.2, 0) = (5, 0): centroid 1, distance
    // 0.
    ConceptLabels one = labeller.label(input(4, 6, 3));
    assertThat(one.method()).isEqualTo(ClusterLabeller.METHOD);
    assertThat(one.panelType()).isEqualTo("multiple");
    assertThat(one.global())
        .containsExactly(new ConceptScore("Microscopy", 1f), new ConceptScore("Immuno Assays", 1f));
    assertThat(one.local())
        .containsExactly(
            new ConceptScore("fluorescence microscopy", 1f), new ConceptScore("immunoblot", 1f));

    // (1.6, 2.8, 4) centres to (0.6, 0.8, 1), projects to (1, 1): squared distances 2, 17, 17:
    // centroid 0.
    ConceptLabels zero = labeller.label(input(1.6f, 2.8f, 4));
    assertThat(zero.panelType()).isEqualTo("single");
    assertThat(zero.global()).containsExactly(new ConceptScore("Plots and Charts", 1f));
    assertThat(zero.local())
        .containsExactly(new ConceptScore("bar plot", 1f), new ConceptScore("dot plot", 1f));

    // (1, 2, 7) projects to (0, 4): squared distances 16, 41, 1: centroid 2, whose panel type
    // defaults to single.
    ConceptLabels two = labeller.label(input(1, 2, 7));
    assertThat(two.panelType()).isEqualTo("single");
    assertThat(two.global()).containsExactly(new ConceptScore("Tables", 1f));
    assertThat(two.local()).isEmpty();
  }

  @Test
  void shouldProjectWithTheMeanAndComponents() throws IOException {
    ClusterLabeller labeller =
        new ClusterLabeller(ClusterModel.read(folder("<f4", LABELS), Taxonomy.biomedica()), 3);

    assertThat(labeller.project(new float[] {4, 6, 3})).containsExactly(5f, 0f);
    assertThat(labeller.project(new float[] {1, 2, 7})).containsExactly(0f, 4f);
    // (3, 2, 3.5) projects to (1.2, 0.5): squared distances 1.69, 14.69, 21.69.
    assertThat(labeller.cluster(new float[] {3, 2, 3.5f})).isZero();
    // (5, 2, 3) projects to (2.4, 0) and (6, 2, 3) to (3, 0): the boundary between 0 and 1 is at
    // 2.5.
    assertThat(labeller.cluster(new float[] {5, 2, 3})).isZero();
    assertThat(labeller.cluster(new float[] {6, 2, 3})).isEqualTo(1);
  }

  @Test
  void shouldNotLabelAFigureWithoutImage() throws IOException {
    ClusterLabeller labeller =
        new ClusterLabeller(ClusterModel.read(folder("<f4", LABELS), Taxonomy.biomedica()), 3);

    assertThat(labeller.label(new LabelInput("A caption.", false, null, List.of(), null, null)))
        .isNull();
  }

  @Test
  void shouldReadDoublesAndBigEndianFloatsAsLittleEndianFloats() throws IOException {
    ClusterModel f4 = ClusterModel.read(folder("<f4", LABELS), Taxonomy.biomedica());
    ClusterModel f8 = ClusterModel.read(folder("<f8", LABELS), Taxonomy.biomedica());
    ClusterModel big = ClusterModel.read(folder(">f4", LABELS), Taxonomy.biomedica());

    assertThat(f4.mean()).containsExactly(1f, 2f, 3f);
    assertThat(f4.components()).isDeepEqualTo(new float[][] {{0.6f, 0.8f, 0f}, {0f, 0f, 1f}});
    assertThat(f4.centroids()).isDeepEqualTo(new float[][] {{0f, 0f}, {5f, 0f}, {0f, 5f}});
    for (ClusterModel other : List.of(f8, big)) {
      assertThat(other.mean()).containsExactly(f4.mean());
      assertThat(other.components()).isDeepEqualTo(f4.components());
      assertThat(other.centroids()).isDeepEqualTo(f4.centroids());
      assertThat(other.clusters()).isEqualTo(f4.clusters());
    }
    assertThat(new ClusterLabeller(f8, 3).cluster(new float[] {4, 6, 3})).isEqualTo(1);
  }

  @Test
  void shouldRefuseArraysWhoseShapesDisagree() throws IOException {
    Path folder = folder("<f4", LABELS);
    Files.write(
        folder.resolve("centroids.npy"), npy("<f4", new double[][] {{0, 0, 0}, {5, 0, 0}}, false));

    assertThatThrownBy(() -> ClusterModel.read(folder, Taxonomy.biomedica()))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + ": shapes disagree: mean [3], components [2,3], centroids [2,3]");
  }

  @Test
  void shouldRefuseParametersOfAnotherImageEncoder() throws IOException {
    Path folder = folder("<f4", LABELS);
    ImageEncoder mobilenet = new DescriptorOnly(BuiltinModels.resolve(BuiltinModels.IMAGE));

    assertThatThrownBy(
            () ->
                Labellers.create(
                    new LabelSettings(ClusterLabeller.METHOD, null, folder, 3, 0), mobilenet, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the cluster parameters take 3-d image features, the image encoder makes 1280-d ones; use the "
                + "encoder the parameters were fitted on");
  }

  @Test
  void shouldRefuseALabelNameOutsideTheTaxonomy() throws IOException {
    Path global = folder("<f4", LABELS.replace("\"Microscopy\"", "\"microscopy\""));
    Path local = folder("<f4", LABELS.replace("\"immunoblot\"", "\"Western blot\""));

    assertThatThrownBy(() -> ClusterModel.read(global, Taxonomy.biomedica()))
        .isInstanceOf(IOException.class)
        .hasMessage(global + ": cluster 1: not a global concept of the taxonomy: microscopy");
    assertThatThrownBy(() -> ClusterModel.read(local, Taxonomy.biomedica()))
        .isInstanceOf(IOException.class)
        .hasMessage(local + ": cluster 1: not a local concept of the taxonomy: Western blot");
    assertThatThrownBy(
            () ->
                Labellers.create(
                    new LabelSettings(ClusterLabeller.METHOD, null, local, 3, 0),
                    new DescriptorOnly(BuiltinModels.resolve(BuiltinModels.IMAGE)),
                    null))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("not a local concept of the taxonomy: Western blot");
  }

  @Test
  void shouldRefuseACentroidWithoutLabels() throws IOException {
    Path folder = folder("<f4", LABELS.substring(0, LABELS.indexOf(",\n \"2\"")) + "}");

    assertThatThrownBy(() -> ClusterModel.read(folder, Taxonomy.biomedica()))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + ": cluster 2 has a centroid but no labels");
  }

  private static LabelInput input(float... feature) {
    return new LabelInput(
        "A caption.", false, null, List.of(), new Embedding("dinov2", feature), null);
  }

  private int folders;

  /** A parameter folder in the given dtype with the labels given. */
  private Path folder(String dtype, String labels) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("params" + folders++));
    Files.write(folder.resolve("pca_mean.npy"), npy(dtype, new double[][] {MEAN}, true));
    Files.write(folder.resolve("pca_components.npy"), npy(dtype, COMPONENTS, false));
    Files.write(folder.resolve("centroids.npy"), npy(dtype, CENTROIDS, false));
    Files.writeString(folder.resolve("cluster_labels.json"), labels);
    return folder;
  }

  /** A .npy file as numpy.save writes it: version 1.0, C order, the header padded to 64 bytes. */
  static byte[] npy(String dtype, double[][] rows, boolean oneDimensional) {
    String shape =
        oneDimensional
            ? "(" + rows[0].length + ",)"
            : "(" + rows.length + ", " + rows[0].length + ")";
    StringBuilder header =
        new StringBuilder(
            "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }");
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    boolean doubles = dtype.endsWith("f8");
    int count = rows.length * rows[0].length;
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + count * (doubles ? 8 : 4));
    out.put((byte) 0x93)
        .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 1)
        .put((byte) 0);
    out.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
    out.put(header.toString().getBytes(StandardCharsets.US_ASCII));
    out.order(dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (double[] row : rows) {
      for (double v : row) {
        if (doubles) {
          out.putDouble(v);
        } else {
          out.putFloat((float) v);
        }
      }
    }
    return out.array();
  }

  /** An image encoder that only has a descriptor: all the labellers look at. */
  private record DescriptorOnly(EncoderDescriptor descriptor) implements ImageEncoder {
    @Override
    public float[] preprocess(BufferedImage image) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<float[]> embed(List<float[]> inputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
