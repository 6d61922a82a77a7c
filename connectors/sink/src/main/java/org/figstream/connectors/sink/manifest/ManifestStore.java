package org.figstream.connectors.sink.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and replaces {@code _manifest.json} atomically: the new manifest is written beside it,
 * forced to disk, renamed over the old one, and the directory is synced, so a crash leaves either
 * manifest whole.
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
    Manifest m = JSON.readValue(file.toFile(), Manifest.class);
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

  public static void write(Path dataset, Manifest manifest) throws IOException {
    replace(dataset.resolve(FILE), JSON.writeValueAsBytes(manifest));
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
