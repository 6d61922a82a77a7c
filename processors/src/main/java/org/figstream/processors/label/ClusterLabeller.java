package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.Vectors;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;

/**
 * BIOMEDICA's own way: project the image feature with the PCA, take the nearest KMeans centroid
 * (Euclidean, as KMeans assigns), and give the figure that cluster's expert labels, every one with
 * score 1. The image encoder must be the one the parameters were fitted on (BIOMEDICA used DINOv2
 * ViT-L/14 with registers, CLS token); the dimensions are checked when the labeller is made.
 */
public final class ClusterLabeller implements ConceptLabeller {
  public static final String METHOD = "biomedica-clusters";

  private final ClusterModel model;

  public ClusterLabeller(ClusterModel model, int imageDimensions) {
    if (model.inputDimensions() != imageDimensions) {
      throw new IllegalArgumentException(
          "the cluster parameters take "
              + model.inputDimensions()
              + "-d image features, the image encoder makes "
              + imageDimensions
              + "-d ones; use the encoder "
              + "the parameters were fitted on");
    }
    this.model = model;
  }

  @Override
  public ConceptLabels label(LabelInput figure) {
    if (figure.imageEmbedding() == null) {
      return null;
    }
    ClusterModel.Cluster c = model.clusters().get(cluster(figure.imageEmbedding().vector()));
    return new ConceptLabels(METHOD, c.panelType(), scored(c.global()), scored(c.local()));
  }

  /** The cluster a feature vector falls in. */
  public int cluster(float[] feature) {
    return nearest(project(feature));
  }

  float[] project(float[] x) {
    float[] centred = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      centred[i] = x[i] - model.mean()[i];
    }
    float[] out = new float[model.components().length];
    for (int k = 0; k < out.length; k++) {
      out[k] = Vectors.dot(model.components()[k], centred);
    }
    return out;
  }

  private int nearest(float[] p) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < model.centroids().length; c++) {
      double d = 0;
      for (int k = 0; k < p.length; k++) {
        double diff = p[k] - model.centroids()[c][k];
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static List<ConceptScore> scored(List<String> names) {
    List<ConceptScore> out = new ArrayList<>();
    names.forEach(n -> out.add(new ConceptScore(n, 1f)));
    return List.copyOf(out);
  }
}
