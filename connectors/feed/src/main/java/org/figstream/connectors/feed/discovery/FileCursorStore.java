package org.figstream.connectors.feed.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The cursor as a JSON file, replaced atomically so a crash leaves the old or the new one, never
 * half.
 */
public final class FileCursorStore implements CursorStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public FileCursorStore(Path file) {
    this.file = file;
  }

  @Override
  public Optional<FeedCursor> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), FeedCursor.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feed cursor " + file, e);
    }
  }

  @Override
  public void save(FeedCursor cursor) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), cursor);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the feed cursor " + file, e);
    }
  }
}
