package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;

/**
 * Where a dataset's files live and how they become visible: a file is written under a hidden
 * temporary name beside its final one, and renamed only once the manifest lists it. At start,
 * whatever a crash left is settled from the manifest alone: listed files still under their
 * temporary name are renamed (the commit had happened), and every other file is deleted (it had
 * not).
 */
public final class DatasetFiles {
  /**
   * The stable name of the current WebDataset export: its tar paths, relative to the dataset
   * folder, one a line. The tars' folder is named after the manifest generation that wrote them, so
   * it changes at every export; this file does not.
   */
  public static final String CURRENT_TARS = "webdataset/current.txt";

  private final Path root;

  public DatasetFiles(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** {@code figures/commercial/part-000007.parquet} for file number 7 of that stream. */
  public static String name(String stream, long number, String extension) {
    return DatasetLayout.folder(stream) + "/part-" + String.format("%06d", number) + extension;
  }

  public Path path(String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("dataset file " + relative + " would be outside " + root);
    }
    return p;
  }

  public Path temporary(String relative) {
    Path p = path(relative);
    return p.resolveSibling("." + p.getFileName() + ".tmp");
  }

  /**
   * The file as it can be read now: under its final name, or its temporary one while a change is
   * pending.
   */
  public Path readable(String relative) {
    Path p = path(relative);
    return Files.exists(p) ? p : temporary(relative);
  }

  /**
   * Renames the temporary file of {@code relative} into place when it is still there. A file is
   * published once under its number, so a temporary file beside a published one is not this
   * writer's: another writer that lost the manifest's generation check left it, and it is deleted,
   * never moved over the committed file.
   */
  public void publish(String relative) throws IOException {
    Path temporary = temporary(relative);
    if (!Files.exists(temporary)) {
      return;
    }
    if (Files.exists(path(relative))) {
      Files.delete(temporary);
      return;
    }
    Files.move(temporary, path(relative), StandardCopyOption.ATOMIC_MOVE);
    ManifestStore.forceDirectory(path(relative).getParent());
  }

  /**
   * Replaces {@link #CURRENT_TARS} atomically with the manifest's tars, when it has any. Called
   * once the tars are in place and before the previous export's are deleted, so the file never
   * names a missing tar.
   */
  public void pointAtTars(Manifest manifest) throws IOException {
    if (manifest.webdataset().isEmpty()) {
      return;
    }
    Files.createDirectories(path(CURRENT_TARS).getParent());
    ManifestStore.replace(
        path(CURRENT_TARS),
        (String.join("\n", manifest.webdataset()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Brings the directory to what {@code manifest} says; returns the number of files deleted. */
  public int settle(Manifest manifest) throws IOException {
    Set<Path> listed = new HashSet<>();
    for (ShardEntry f : manifest.files()) {
      publish(f.path());
      if (!Files.exists(path(f.path()))) {
        throw new IOException(
            "the dataset manifest lists "
                + f.path()
                + " but it is gone from "
                + root
                + "; the dataset was changed by hand, restore the file or start a new dataset");
      }
      long size = Files.size(path(f.path()));
      if (size != f.bytes()) {
        throw new IOException(
            "the dataset manifest lists "
                + f.path()
                + " with "
                + f.bytes()
                + " bytes, but it has "
                + size
                + " in "
                + root
                + ": it was truncated or changed after its commit, and its rows cannot be trusted."
                + " Move the dataset folder aside (or delete it): the sink rebuilds the dataset"
                + " from the topics");
      }
      listed.add(path(f.path()));
    }
    for (String tar : manifest.webdataset()) {
      publish(tar);
      listed.add(path(tar));
    }
    listed.add(path(CURRENT_TARS));
    int deleted = 0;
    for (String top :
        List.of(
            DatasetLayout.FIGURES, DatasetLayout.ARTICLES, DatasetLayout.DELETES, "webdataset")) {
      Path dir = root.resolve(top);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        if (!listed.contains(file)) {
          Files.delete(file);
          deleted++;
        }
      }
    }
    return deleted;
  }
}
