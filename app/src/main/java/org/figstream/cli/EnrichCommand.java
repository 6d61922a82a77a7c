package org.figstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.records.FigureRecord;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.records.NormalizedImage;
import org.figstream.processors.annotate.Annotation;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.runtime.Annotating;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code figstream enrich}: local articles to embedded, labelled figures, without Kafka. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = "Extracts the figures of JATS articles on disk, normalises their images, embeds images "
        + "and captions and labels them with BIOMEDICA's concepts, printing one JSON line per figure "
        + "(labels, scores, embedding sizes; --with-embeddings adds the vectors) and a summary on stderr. "
        + "PATH is an XML file or a folder of articles with their media files. Exit code 1 if any "
        + "article failed to extract.")
final class EnrichCommand implements Callable<Integer> {
  /** Figures in flight at once: enough to fill batches while images are decoded. */
  private static final int IN_FLIGHT = 64;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article XML files or folders of articles.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--with-embeddings", description = "Print the embedding vectors too.")
  boolean withEmbeddings;

  @Option(names = "--data-dir", defaultValue = "data",
      description = "Where native libraries are unpacked and TensorRT engines cached (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Mixin AnnotationOptions annotation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    EnrichSummary summary = new EnrichSummary();
    List<FigureFiles> figures = extractAll(err, summary);
    try (Annotating annotating = Annotating.load(annotation.embedding(dataDir), annotation.labelling(), dataDir)) {
      err.println("enrich: " + annotating.describe() + ", loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
      long work = System.nanoTime();
      ImageNormalizer normalizer = new ImageNormalizer();
      Flux.fromIterable(figures)
          .flatMapSequential(f -> Mono.fromCallable(() -> f.normalize(normalizer)).subscribeOn(Schedulers.parallel())
              .flatMap(image -> annotating.annotator().annotate(f.figure(), image.normalized())
                  .map(a -> new EnrichedFigure(f.figure(), image, a))), IN_FLIGHT)
          .doOnNext(e -> {
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

  private List<FigureFiles> extractAll(PrintWriter err, EnrichSummary summary) {
    JatsExtractor extractor = new JatsExtractor();
    List<FigureFiles> out = new ArrayList<>();
    for (ArticleFiles files : ArticleFiles.findAll(paths, missing -> {
      err.println("enrich: " + missing + ": no such file or folder");
      summary.failedArticles++;
    })) {
      try {
        for (ExtractedArticle article : extractor.extract(Files.readAllBytes(files.xml()), files.media(), files.hint())) {
          summary.articles++;
          article.figures().forEach(f -> out.add(new FigureFiles(f, files.xml().getParent())));
        }
      } catch (ExtractionException | IOException e) {
        summary.failedArticles++;
        err.println("enrich: " + files.xml() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** A figure and the folder its media file is in. */
  record FigureFiles(FigureRecord figure, Path folder) {
    ImageOutcome normalize(ImageNormalizer normalizer) {
      if (figure.mediaFile() == null) {
        return new ImageOutcome(null, null);
      }
      try {
        return new ImageOutcome(normalizer.normalizeWithPixels(Files.readAllBytes(folder.resolve(figure.mediaFile()))),
            null);
      } catch (ImageRejectedException e) {
        return new ImageOutcome(null, new Annotation.Problem("image", e.problem(), e.getMessage()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The normalised image with its raster for the annotator (which takes the raster, so this outcome can
   * outlive the embedding without keeping it), or the reason it was refused, or neither when the
   * article has no file for it.
   */
  record ImageOutcome(NormalizedPixels normalized, Annotation.Problem rejection) {
    NormalizedImage image() {
      return normalized == null ? null : normalized.image();
    }

    String problem() {
      return normalized != null ? null : rejection != null ? rejection.reason() : "missing";
    }
  }
}
