package org.figstream.connectors.feed.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.processors.api.ImageFiles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.figstream.records.FileRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Backfill from a mirror on disk: folders of articles (one XML with its media beside it) and legacy
 * {@code PMCn.tar.gz} packages, anywhere below a root. Each becomes a fetched article, or a dead
 * letter saying why not; files are read off the caller's thread, a few at a time. Links are never
 * followed (a mirror's link may point anywhere), and no file is read past the size limits the
 * bucket's downloads have, so an XML or image of any size ends as a dead letter, not in memory.
 */
public final class LocalFolderSource {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final Pattern PMC_NAME = Pattern.compile("(PMC\\d+)(?:\\.(\\d+))?");

  private final PackageReader packages;
  private final int concurrency;

  public LocalFolderSource(ArchiveLimits limits, int concurrency) {
    this.packages = new PackageReader(limits);
    this.concurrency = concurrency;
  }

  public Flux<FetchOutcome> read(Path root) {
    return Mono.fromCallable(() -> candidates(root))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(Flux::fromIterable)
        .flatMapSequential(
            path ->
                Mono.fromCallable(() -> load(root, path)).subscribeOn(Schedulers.boundedElastic()),
            concurrency);
  }

  /** Article folders (holding an XML) and packages below {@code root}, in path order. */
  static List<Path> candidates(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted().toList()) {
        if (Files.isSymbolicLink(p)) {
          continue; // a mirror's links may point anywhere: not followed
        }
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p, NOFOLLOW)
            && (name.endsWith(".tar.gz") || name.endsWith(".tgz"))) {
          out.add(p);
        } else if (Files.isDirectory(p, NOFOLLOW) && !xmlFiles(p).isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private FetchOutcome load(Path root, Path path) {
    String rel = root.relativize(path).toString();
    boolean isPackage = Files.isRegularFile(path, NOFOLLOW);
    String source = (isPackage ? "package:" : "folder:") + rel;
    try {
      if (isPackage) {
        PackageReader.Contents c = packages.read(path);
        return article(
            source,
            path.getFileName().toString(),
            path.toUri() + "!/" + c.xmlName(),
            c.xml(),
            c.images());
      }
      List<Path> xmls = xmlFiles(path);
      if (xmls.size() > 1) {
        throw new UnusableInputException("several-xml", path + " holds several XML files: " + xmls);
      }
      // the XML first: a refused one spares reading the images
      byte[] xml = MirrorFiles.read(xmls.get(0), ArticleFetcher.MAX_XML_BYTES, "an article XML");
      Map<String, byte[]> images = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.sorted().toList()) {
          // an image link is left out, as before: the article is still whole without it
          if (Files.isRegularFile(f, NOFOLLOW) && ImageFiles.isImage(f.getFileName().toString())) {
            images.put(
                f.getFileName().toString(),
                MirrorFiles.read(f, ArticleFetcher.MAX_MEDIA_BYTES, "an image"));
          }
        }
      }
      return article(
          source, path.getFileName().toString(), xmls.get(0).toUri().toString(), xml, images);
    } catch (UnusableInputException e) {
      return FetchOutcome.failed(
          new DeadLetter(
              "local", e.reason(), e.getMessage(), path.toString(), pmcid(path), 1, Instant.now()));
    } catch (IOException | RuntimeException e) {
      return FetchOutcome.failed(
          new DeadLetter(
              "local",
              "unreadable",
              "cannot read " + path + ": " + e,
              path.toString(),
              pmcid(path),
              1,
              Instant.now()));
    }
  }

  private static FetchOutcome article(
      String source, String name, String xmlUrl, byte[] xml, Map<String, byte[]> images) {
    Matcher m = PMC_NAME.matcher(name);
    String pmcid = m.lookingAt() ? m.group(1) : null;
    int version = m.lookingAt() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    List<FileRef> media =
        images.entrySet().stream()
            .map(e -> new FileRef(e.getKey(), HttpFetcher.md5Hex(e.getValue())))
            .toList();
    ArticleMetadata metadata =
        new ArticleMetadata(
            pmcid,
            version,
            null,
            null,
            null,
            null,
            null,
            true,
            false,
            false,
            false,
            new FileRef(xmlUrl, HttpFetcher.md5Hex(xml)),
            null,
            null,
            media,
            Map.of());
    Announcement a =
        new Announcement(Change.VERSION, source, pmcid, version, null, null, source, metadata);
    return new FetchedArticle(a, xml, images);
  }

  private static String pmcid(Path path) {
    Matcher m = PMC_NAME.matcher(path.getFileName().toString());
    return m.lookingAt() ? m.group(1) : null;
  }

  /**
   * The article XMLs of a folder: regular files, and links too, so that a folder whose XML is a
   * link is still an article, refused with a dead letter instead of passed over in silence.
   */
  private static List<Path> xmlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return (Files.isRegularFile(f, NOFOLLOW) || Files.isSymbolicLink(f))
                    && (n.endsWith(".xml") || n.endsWith(".nxml"));
              })
          .sorted()
          .toList();
    }
  }
}
