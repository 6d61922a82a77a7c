package org.figstream.connectors.sink.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and replaces {@code _manifest.json} atomically: the new manifest is written beside it,
 * forced to disk, renamed over the old one, and the directory is synced, so a crash leaves either
 * manifest whole.
 *
 * <p>A replacement is a compare-and-swap on the generation: a writer publishes generation {@code g}
 * only if the manifest is still at {@code g - 1}, the one it built on, and only while it holds the
 * claim {@code .manifest-<g>.claim} (created exclusively, so of two writers built on the same
 * manifest one gets it). A writer that finds the manifest moved by another refuses with a {@link
 * ConcurrentWriterException}. Together with the folder's {@link WriterLock} it keeps a dataset to
 * one writer, on shared storage too, where the lock may not hold.
 */
public final class ManifestStore {
  public static final String FILE = "_manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestStore() {}

  public static Manifest read(Path dataset) throws IOException {
    Path file = dataset.resolve(FILE);
    if (!Files.exists(file)) {
      return Manifest.empty();
    }
    Manifest m;
    try {
      m = JSON.readValue(file.toFile(), Manifest.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(
          file
              + " cannot be read ("
              + e.getOriginalMessage()
              + "): it was truncated or changed by hand. Move the dataset folder aside (or"
              + " delete it): the sink rebuilds the dataset from the topics",
          e);
    }
    if (m.format() < Manifest.FORMAT) {
      throw new IOException(
          "the dataset at "
              + dataset
              + " has the row layout of an older figstream (format "
              + m.format()
              + "; this figstream writes format "
              + Manifest.FORMAT
              + ": images readable by Hugging Face "
              + "datasets, exact perceptual hashes). Its rows cannot be mixed with new ones: move the folder aside "
              + "(or delete it) and start again with the same settings; the sink rebuilds the dataset from the topics");
    }
    if (m.format() != Manifest.FORMAT) {
      throw new IOException(
          file
              + " has format "
              + m.format()
              + ", from a newer figstream; this figstream reads "
              + "format "
              + Manifest.FORMAT
              + ": upgrade figstream to write to this dataset");
    }
    return m;
  }

  /**
   * Publishes {@code manifest} if the one on disk is still the generation before it.
   *
   * @throws ConcurrentWriterException when another writer claimed this generation or moved the
   *     manifest; nothing is replaced
   */
  public static void write(Path dataset, Manifest manifest) throws IOException {
    long generation = manifest.generation();
    Path claim = claim(dataset, generation);
    try {
      Files.writeString(
          claim, WriterLock.holder(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new ConcurrentWriterException(
          conflict(dataset, generation)
              + "another writer is publishing that generation ("
              + readQuietly(claim)
              + ")");
    }
    try {
      long current = Files.exists(dataset.resolve(FILE)) ? read(dataset).generation() : 0;
      if (current != generation - 1) {
        throw new ConcurrentWriterException(
            conflict(dataset, generation)
                + "another writer published generation "
                + current
                + " meanwhile");
      }
      replace(dataset.resolve(FILE), JSON.writeValueAsBytes(manifest));
    } finally {
      // once published, a writer still on an older generation finds the manifest moved
      Files.deleteIfExists(claim);
    }
  }

  private static String conflict(Path dataset, long generation) {
    return "the dataset at "
        + dataset
        + " has two writers: this one built generation "
        + generation
        + " on generation "
        + (generation - 1)
        + ", but ";
  }

  private static Path claim(Path dataset, long generation) {
    return dataset.resolve(".manifest-" + generation + ".claim");
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Deletes the claims a crash left behind (a writer that died between its claim and the
   * replacement). Only the folder's writer calls it, holding the {@link WriterLock}.
   */
  public static int clearClaims(Path dataset) throws IOException {
    int cleared = 0;
    try (var files = Files.list(dataset)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".manifest-") && name.endsWith(".claim")) {
          Files.deleteIfExists(f);
          cleared++;
        }
      }
    }
    return cleared;
  }

  /**
   * Replaces {@code target} with {@code content} so that a crash leaves the old file or the new
   * one, whole: written beside it under a hidden temporary name, forced to disk, renamed over it.
   */
  public static void replace(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Path temporary = dir.resolve("." + target.getFileName() + ".tmp");
    Files.write(temporary, content);
    force(temporary);
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(dir);
  }

  public static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes a rename in {@code dir} durable (a no-op where the platform cannot open directories). */
  public static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; the rename is still atomic there
    }
  }
}
