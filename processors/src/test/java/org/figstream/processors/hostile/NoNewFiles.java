package org.figstream.processors.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * What java.io.tmpdir and the working directory hold, to show after a run that the code under test
 * wrote no file. Meant for the fresh tmpdir the module's surefire sets ({@code target/test-tmp},
 * see the pom): only this JVM writes there and its test classes run one after another, so a new
 * entry can only come from the tests between the two snapshots. The shared /tmp would flake with
 * every other JVM on the machine, so outside that set-up (an IDE run) the tmpdir is not compared.
 * The working directory is walked without its {@code target}, where Maven, surefire and jqwik's
 * database write while tests run. A file made and deleted in between is not seen.
 */
public final class NoNewFiles {
  private final Path tmp;
  private final Set<Path> before;

  private NoNewFiles(Path tmp) {
    this.tmp = tmp;
    this.before = listing();
  }

  /** Takes the first snapshot. */
  public static NoNewFiles snapshot() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    return new NoNewFiles(tmp.endsWith(Path.of("target", "test-tmp")) ? tmp : null);
  }

  /** Fails, naming them, if entries appeared since the snapshot. */
  public void assertNoneSince() {
    Set<Path> now = listing();
    now.removeAll(before);
    assertThat(now).as("files written during the run").isEmpty();
  }

  private Set<Path> listing() {
    Path work = Path.of("").toAbsolutePath();
    Set<Path> all = walk(work, work.resolve("target"));
    if (tmp != null) {
      all.addAll(walk(tmp, null));
    }
    return all;
  }

  private static Set<Path> walk(Path root, Path skipped) {
    Set<Path> seen = new HashSet<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
              if (dir.equals(skipped)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              seen.add(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
              seen.add(file);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seen;
  }
}
