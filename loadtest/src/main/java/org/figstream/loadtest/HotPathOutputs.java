package org.figstream.loadtest;

import java.util.List;
import org.figstream.processors.annotate.Annotation;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;

/**
 * Checks that {@link HotPathReport}'s variant B computes what A does, since a faster setting is
 * only worth having if its vectors and labels are the same.
 */
final class HotPathOutputs {
  private HotPathOutputs() {}

  /** Largest vector difference and label agreement between the two variants' outputs. */
  static void compare(List<Annotation> a, List<Annotation> b) {
    double maxImage = 0;
    double maxCaption = 0;
    int same = 0;
    int sameTop1 = 0;
    int labelled = 0;
    for (int i = 0; i < a.size(); i++) {
      Annotation x = a.get(i);
      Annotation y = b.get(i);
      maxImage = Math.max(maxImage, diff(x.imageEmbedding(), y.imageEmbedding()));
      maxCaption = Math.max(maxCaption, diff(x.captionEmbedding(), y.captionEmbedding()));
      if (x.labels() == null && y.labels() == null) {
        continue;
      }
      labelled++;
      List<String> gx = x.labels().global().stream().map(ConceptScore::concept).toList();
      List<String> gy = y.labels().global().stream().map(ConceptScore::concept).toList();
      List<String> lx = x.labels().local().stream().map(ConceptScore::concept).toList();
      List<String> ly = y.labels().local().stream().map(ConceptScore::concept).toList();
      same += gx.equals(gy) && lx.equals(ly) ? 1 : 0;
      sameTop1 += gx.get(0).equals(gy.get(0)) ? 1 : 0;
    }
    System.out.printf(
        "outputs B vs A: max |diff| image vectors %.2e, caption vectors %.2e; labelled figures %d, "
            + "same top-1 %d, same global and local concept lists %d%n",
        maxImage, maxCaption, labelled, sameTop1, same);
  }

  private static double diff(Embedding x, Embedding y) {
    if (x == null || y == null) {
      if (x != y) {
        throw new IllegalStateException("one variant embedded what the other did not");
      }
      return 0;
    }
    double max = 0;
    for (int i = 0; i < x.vector().length; i++) {
      max = Math.max(max, Math.abs(x.vector()[i] - y.vector()[i]));
    }
    return max;
  }
}
