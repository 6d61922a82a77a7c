package org.figstream.processors.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.figstream.records.Taxonomy;

/**
 * BIOMEDICA's labelling parameters, in the form BIOMEDICA released them: a PCA (mean and
 * components, as scikit-learn's {@code mean_} and {@code components_}), KMeans centroids in the PCA
 * space ({@code cluster_centers_}) and the experts' labels per cluster. A folder holds {@code
 * pca_mean.npy} [D], {@code pca_components.npy} [K,D], {@code centroids.npy} [C,K] and {@code
 * cluster_labels.json}: {@code {"0": {"panel_type": "...", "global": [...], "local": [...]}}}.
 */
public record ClusterModel(
    float[] mean, float[][] components, float[][] centroids, Map<Integer, Cluster> clusters) {

  /** The experts' labels of one cluster, spelled as the taxonomy spells them. */
  public record Cluster(String panelType, List<String> global, List<String> local) {}

  public static ClusterModel read(Path folder, Taxonomy taxonomy) throws IOException {
    float[] mean = Npy.read(folder.resolve("pca_mean.npy"))[0];
    float[][] components = Npy.read(folder.resolve("pca_components.npy"));
    float[][] centroids = Npy.read(folder.resolve("centroids.npy"));
    if (components[0].length != mean.length || centroids[0].length != components.length) {
      throw new IOException(
          folder
              + ": shapes disagree: mean ["
              + mean.length
              + "], components ["
              + components.length
              + ","
              + components[0].length
              + "], centroids ["
              + centroids.length
              + ","
              + centroids[0].length
              + "]");
    }
    Map<Integer, Cluster> clusters = new HashMap<>();
    JsonNode root = new ObjectMapper().readTree(folder.resolve("cluster_labels.json").toFile());
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      int id = Integer.parseInt(e.getKey());
      Cluster c =
          new Cluster(
              e.getValue().path("panel_type").asText("single"),
              names(e.getValue().path("global")),
              names(e.getValue().path("local")));
      for (String g : c.global()) {
        if (!taxonomy.isGlobal(g)) {
          throw new IOException(
              folder + ": cluster " + id + ": not a global concept of the taxonomy: " + g);
        }
      }
      for (String l : c.local()) {
        if (!taxonomy.isLocal(l)) {
          throw new IOException(
              folder + ": cluster " + id + ": not a local concept of the taxonomy: " + l);
        }
      }
      clusters.put(id, c);
    }
    for (int i = 0; i < centroids.length; i++) {
      if (!clusters.containsKey(i)) {
        throw new IOException(folder + ": cluster " + i + " has a centroid but no labels");
      }
    }
    return new ClusterModel(mean, components, centroids, Map.copyOf(clusters));
  }

  public int inputDimensions() {
    return mean.length;
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
