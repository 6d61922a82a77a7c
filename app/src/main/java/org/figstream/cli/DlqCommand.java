package org.figstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.runtime.KafkaTarget;
import org.figstream.runtime.dlq.DeadLetterReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code figstream dlq}: what the dead-letter topic holds, and replaying it. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description =
        "Counts the dead letters on the dlq topic by stage and reason (those matching --reason, "
            + "--pmcid and --stage; all without them) and, with --replay, announces the newest "
            + "version of each of their articles again, so that a running or the next `figstream "
            + "run` processes it once more. On the embedded broker, run it while no run holds "
            + "--data-dir. The dead letters stay on dlq.")
final class DlqCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafkaOptions;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description =
          "The run's data directory, for the embedded broker (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--reason",
      split = ",",
      description = "Only dead letters with one of these reasons (http-404, extract, ...).")
  Set<String> reasons = new HashSet<>();

  @Option(
      names = "--pmcid",
      split = ",",
      description = "Only dead letters of these articles (PMC123, ...).")
  Set<String> pmcids = new HashSet<>();

  @Option(
      names = "--stage",
      split = ",",
      description = "Only dead letters from these stages (fetch, metadata, extract, image, ...).")
  Set<String> stages = new HashSet<>();

  @Option(names = "--replay", description = "Announce the matching articles' versions again.")
  boolean replay;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    KafkaTarget target = kafkaOptions.target();
    EmbeddedBroker broker =
        target.external() ? null : EmbeddedBroker.start(dataDir.resolve("kafka"));
    try {
      Map<String, Object> kafka = broker == null ? target.clientConfig() : broker.clientConfig();
      DeadLetterReplay dlq = new DeadLetterReplay(kafka, Duration.ofMinutes(2));
      DeadLetterReplay.Plan plan = dlq.plan(new DeadLetterReplay.Filter(reasons, pmcids, stages));
      out.println(
          "dlq: "
              + count(plan.deadLetters(), "dead letter")
              + (plan.deadLetters() == 1 ? " matches" : " match"));
      plan.byReason().forEach((reason, n) -> out.println("  " + reason + ": " + n));
      out.println(
          "dlq: "
              + count(plan.reasons().size(), "article")
              + ", "
              + plan.announcements().size()
              + " with an announcement to replay"
              + (plan.notFound().isEmpty()
                  ? ""
                  : "; none left on article-versions for " + String.join(", ", plan.notFound())));
      if (replay) {
        int sent = dlq.replay(plan);
        out.println("dlq: replayed " + count(sent, "version"));
      }
      out.flush();
      return 0;
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
