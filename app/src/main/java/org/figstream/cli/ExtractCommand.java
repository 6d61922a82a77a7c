package org.figstream.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code figstream extract}: JATS articles on disk to figure-caption pairs as JSON Lines. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Extracts figure-caption pairs (or, with --articles, article records) from JATS articles "
            + "on disk and prints them as JSON Lines; a summary goes to stderr. PATH is an XML file or "
            + "a folder of articles (each XML with its media files beside it). Exit code 1 if any "
            + "article failed.")
final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Article XML files or folders of articles.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--articles",
      description = "Print one article record per article instead of pairs.")
  boolean articles;

  @Option(
      names = "--max-bytes",
      defaultValue = "" + JatsExtractor.DEFAULT_MAX_BYTES,
      description = "Largest XML accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxBytes;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JatsExtractor extractor = new JatsExtractor(maxBytes);
    ExtractSummary summary = new ExtractSummary();
    long started = System.nanoTime();
    for (ArticleFiles files :
        ArticleFiles.findAll(
            paths,
            missing -> {
              err.println("extract: " + missing + ": no such file or folder");
              summary.failed++;
            })) {
      try {
        byte[] xml = files.readXml(maxBytes); // sized before it is read
        for (ExtractedArticle article : extractor.extract(xml, files.media(), files.hint())) {
          print(out, article);
          summary.add(article);
          // cut, not failed: the article's pairs are printed, so the exit code stays 0
          for (ExtractionWarning w : article.warnings()) {
            err.println(
                "extract: " + files.xml() + ": warning: " + w.reason() + ": " + w.message());
          }
        }
      } catch (ExtractionException e) {
        summary.failed++;
        err.println("extract: " + files.xml() + ": " + e.getMessage());
      }
    }
    out.flush();
    err.println(summary.line((System.nanoTime() - started) / 1_000_000));
    err.flush();
    return summary.failed == 0 ? 0 : 1;
  }

  private void print(PrintWriter out, ExtractedArticle article) throws JsonProcessingException {
    if (articles) {
      out.println(Json.MAPPER.writeValueAsString(article.article()));
      return;
    }
    for (FigureRecord figure : article.figures()) {
      out.println(Json.MAPPER.writeValueAsString(figure));
    }
  }

  /** Counts for the closing stderr line. */
  static final class ExtractSummary {
    int articles;
    int figures;
    int tables;
    int resolved;
    int missing;
    int mentions;
    int failed;

    void add(ExtractedArticle article) {
      articles++;
      for (FigureRecord f : article.figures()) {
        if (f.kind() == FigureKind.TABLE) {
          tables++;
        } else {
          figures++;
        }
        if (f.imageMissing()) {
          missing++;
        } else {
          resolved++;
        }
        mentions += f.mentions().size();
      }
    }

    String line(long millis) {
      return String.format(
          "extract: %d articles, %d pairs (%d figures, %d tables), %d images resolved, "
              + "%d missing, %d mentions, %d failed, in %d ms",
          articles, figures + tables, figures, tables, resolved, missing, mentions, failed, millis);
    }
  }
}
