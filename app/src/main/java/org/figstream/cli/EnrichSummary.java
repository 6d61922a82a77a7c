package org.figstream.cli;

/** Counts for {@code figstream enrich}'s closing stderr line. */
final class EnrichSummary {
  int articles;
  int failedArticles;
  private int figures;
  private int imageEmbeddings;
  private int captionEmbeddings;
  private int labelled;
  private int problems;

  void add(EnrichedFigure f) {
    figures++;
    imageEmbeddings += f.annotation().imageEmbedding() != null ? 1 : 0;
    captionEmbeddings += f.annotation().captionEmbedding() != null ? 1 : 0;
    labelled += f.annotation().labels() != null ? 1 : 0;
    problems += f.problems().size();
  }

  String line(long millis) {
    return String.format(
        "enrich: %d articles, %d figures, %d image embeddings, %d caption embeddings, "
            + "%d labelled, %d problems, %d articles failed, in %d ms (%.1f figures/s)",
        articles,
        figures,
        imageEmbeddings,
        captionEmbeddings,
        labelled,
        problems,
        failedArticles,
        millis,
        figures * 1000.0 / Math.max(millis, 1));
  }
}
