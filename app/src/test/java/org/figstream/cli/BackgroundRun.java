package org.figstream.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code figstream run} on another thread of this JVM with the smaller caption model, its stderr
 * kept to be waited on ({@link Stderr}), stopped as Ctrl-C stops it (and on close).
 */
final class BackgroundRun implements AutoCloseable {
  final CommandLine cli;
  final StringWriter err = new StringWriter();
  final CompletableFuture<Integer> exit;

  private BackgroundRun(String... args) {
    cli = Main.commandLine(Map.of());
    cli.setErr(new PrintWriter(err, true));
    List<String> command = new ArrayList<>();
    command.add("run");
    // not about labels: the smaller caption model starts and runs in half the time
    command.addAll(List.of("--text-model", "all-minilm-l6-v2"));
    command.addAll(List.of(args));
    exit = CompletableFuture.supplyAsync(() -> cli.execute(command.toArray(String[]::new)));
  }

  /** Starts {@code run} with these options. */
  static BackgroundRun start(String... args) {
    return new BackgroundRun(args);
  }

  /**
   * Starts {@code run} following the bucket at {@code bucketUrl} from a backfill, looking for a new
   * inventory every second, without PubMed, with these further options.
   */
  static BackgroundRun following(String bucketUrl, Path data, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bucket-url",
                bucketUrl,
                "--start-policy",
                "BACKFILL",
                "--poll-interval",
                "PT1S",
                "--no-pubmed",
                "--data-dir",
                data.toString(),
                "--http-port",
                "0"));
    args.addAll(List.of(more));
    return new BackgroundRun(args.toArray(String[]::new));
  }

  /** Stops the run as Ctrl-C does and gives its exit code. */
  int stop() throws Exception {
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    run.stopAndWait();
    return exit.get(2, TimeUnit.MINUTES);
  }

  /** A test that failed before its own stop leaves no pipeline running in the test JVM. */
  @Override
  public void close() throws Exception {
    if (!exit.isDone()) {
      stop();
    }
  }
}
