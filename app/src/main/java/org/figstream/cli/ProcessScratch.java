package org.figstream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.figstream.runtime.FileTrees;
import picocli.CommandLine;

/**
 * RocksDB, ONNX Runtime and Netty unpack their native libraries into {@code java.io.tmpdir} (JNA
 * into {@code ~/.cache/JNA}), and DJL copies models there: tens of megabytes a start, all left
 * behind by a SIGKILL. Each process gets {@code <data-dir>/tmp/<pid>} instead, so figstream writes
 * nothing outside its data directory, and each start clears the folders of processes that are gone.
 *
 * <p>The JVM fixes the folder that {@code Files.createTempDirectory} (ONNX Runtime's loader) uses
 * when it starts, so the {@code ./figstream} launcher passes {@code -Djava.io.tmpdir} with that
 * folder; here it is made and the old ones cleared. Started otherwise ({@code java -jar}), the
 * property is set here, which moves all but ONNX Runtime's copy. A {@code -Djava.io.tmpdir} of the
 * user's own wins (the container image gives one). Only {@code main} does this: commands run
 * in-process (tests) share a JVM whose temporary folder is not theirs to move.
 */
final class ProcessScratch {
  static final String FOLDER = "tmp";

  private ProcessScratch() {}

  /** Before the command runs: its data directory's scratch folder, if it has a data directory. */
  static void useDataDirectoryOf(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult command = Main.leaf(parsed);
    if (command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
      return; // help writes nothing
    }
    CommandLine.Model.OptionSpec option = command.commandSpec().findOption("--data-dir");
    if (option == null || !(option.getValue() instanceof Path dataDir)) {
      return;
    }
    Path mine = folder(dataDir);
    boolean fromLauncher =
        Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().equals(mine);
    if (!fromLauncher && userChoseTmpdir()) {
      return;
    }
    String scratch = prepare(dataDir).toString();
    System.setProperty("java.io.tmpdir", scratch);
    if (System.getProperty("jna.tmpdir") == null) {
      System.setProperty("jna.tmpdir", scratch);
    }
  }

  static Path folder(Path dataDir) {
    return dataDir
        .resolve(FOLDER)
        .resolve(Long.toString(ProcessHandle.current().pid()))
        .toAbsolutePath()
        .normalize();
  }

  /** Makes this process's folder and removes those of processes no longer running. */
  static Path prepare(Path dataDir) {
    Path mine = folder(dataDir);
    try (Stream<Path> folders = Files.list(Files.createDirectories(mine.getParent()))) {
      folders.filter(f -> !f.equals(mine) && !running(f)).forEach(ProcessScratch::delete);
      delete(mine); // a pid reused after a reboot; nothing of this process is in it yet
      return Files.createDirectories(mine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the scratch folder " + mine, e);
    }
  }

  private static boolean running(Path folder) {
    try {
      long pid = Long.parseLong(folder.getFileName().toString());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false; // not one of ours: left where it is would grow unseen
    }
  }

  private static void delete(Path tree) {
    if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      FileTrees.delete(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the scratch folder " + tree, e);
    }
  }

  private static boolean userChoseTmpdir() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(a -> a.startsWith("-Djava.io.tmpdir="))
        || String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=");
  }
}
