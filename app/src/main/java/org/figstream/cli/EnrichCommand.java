package org.figstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.figstream.processors.annotate.Annotation;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.ImageSettings;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.NormalizedImage;
import org.figstream.runtime.Annotating;
import org.figstream.topology.enrich.ArticleEnricher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code figstream enrich}: local articles to embedded, labelled figures, without Kafka. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "Extracts the figures of JATS articles on disk, normalises their images, embeds images "
            + "and captions and labels them with BIOMEDICA's concepts, printing one JSON line per figure "
            + "(labels, scores, embedding sizes; --with-embeddings adds the vectors) and a summary on stderr. "
            + "PATH is an XML file or a folder of articles with their media files. Exit code 1 if any "
            + "article failed to extract.")
final class EnrichCommand implements Callable<Integer> {
  /** Figures in flight at once: enough to fill batches while images are decoded. */
  private static final int IN_FLIGHT = 64;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Article XML files or folders of articles.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--with-embeddings", description = "Print the embedding vectors too.")
  boolean withEmbeddings;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description =
          "Where native libraries are unpacked and TensorRT engines cached (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Mixin AnnotationOptions annotation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    EnrichSummary summary = new EnrichSummary();
    ArticleEnricher enricher = new ArticleEnricher(new ImageNormalizer());
    List<ArticleEnricher.FigureFiles> figures = extractAll(enricher, err, summary);
    try (Annotating annotating =
        Annotating.load(
            annotation.embedding(dataDir),
            annotation.labelling(),
            annotation.ocr(dataDir),
            dataDir)) {
      err.println(
          "enrich: "
              + annotating.describe()
              + ", loaded in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
      long work = System.nanoTime();
      enricher
          .figures(
              figures,
              IN_FLIGHT,
              n ->
                  annotating
                      .annotator()
                      .annotate(n.figure().figure(), n.pixels())
                      .map(a -> new EnrichedFigure(n.figure().figure(), ImageOutcome.of(n), a)))
          .doOnNext(
              e -> {
                summary.add(e);
                out.println(Json.write(e.json(withEmbeddings)));
              })
          .blockLast(Duration.ofHours(24));
      out.flush();
      err.println(summary.line((System.nanoTime() - work) / 1_000_000));
    }
    err.flush();
    return summary.failedArticles == 0 ? 0 : 1;
  }

  private List<ArticleEnricher.FigureFiles> extractAll(
      ArticleEnricher enricher, PrintWriter err, EnrichSummary summary) {
    List<ArticleEnricher.FigureFiles> out = new ArrayList<>();
    for (ArticleFiles files :
        ArticleFiles.findAll(
            paths,
            missing -> {
              err.println("enrich: " + missing + ": no such file or folder");
              summary.failedArticles++;
            })) {
      Path folder = files.xml().getParent();
      try {
        for (ExtractedArticle article :
            enricher.extract(
                files.readXml(JatsExtractor.DEFAULT_MAX_BYTES), files.media(), files.hint())) {
          summary.articles++;
          for (ExtractionWarning w : article.warnings()) {
            err.println("enrich: " + files.xml() + ": warning: " + w.reason() + ": " + w.message());
          }
          article
              .figures()
              .forEach(
                  f -> out.add(new ArticleEnricher.FigureFiles(f, name -> read(folder, name))));
        }
      } catch (ExtractionException | IOException e) {
        summary.failedArticles++;
        err.println("enrich: " + files.xml() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * An image file, refused as the decoder would refuse it ({@code image-too-large}) but before it
   * is read: one over 2 GiB cannot even be held in an array.
   */
  private static byte[] read(Path folder, String name) {
    Path file = folder.resolve(name);
    long limit = ImageSettings.DEFAULTS.maxBytes(); // what the enricher's ImageNormalizer() takes
    try {
      return ArticleFiles.read(
          file,
          limit,
          size ->
              new ImageRejectedException(
                  ImageRejectedException.Reason.TOO_LARGE,
                  file + " is " + size + " bytes, more than the limit of " + limit));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The normalised image with its raster for the annotator (which takes the raster, so this outcome
   * can outlive the embedding without keeping it), or the reason it was refused, or neither when
   * the article has no file for it.
   */
  record ImageOutcome(NormalizedPixels normalized, Annotation.Problem rejection) {
    static ImageOutcome of(ArticleEnricher.NormalizedFigure n) {
      ImageRejectedException e = n.rejection();
      return new ImageOutcome(
          n.pixels(),
          e == null ? null : new Annotation.Problem("image", e.problem(), e.getMessage()));
    }

    NormalizedImage image() {
      return normalized == null ? null : normalized.image();
    }

    String problem() {
      return normalized != null ? null : rejection != null ? rejection.reason() : "missing";
    }
  }
}
