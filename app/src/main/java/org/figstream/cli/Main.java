package org.figstream.cli;

import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.runtime.FeedPassFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code figstream} command line: one subcommand per job. */
@Command(
    name = "figstream",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Keeps a biomedical figure-caption dataset in sync with the PMC Open Access subset.",
    subcommands = {
      RunCommand.class,
      FeedCommand.class,
      ExtractCommand.class,
      EnrichCommand.class,
      DlqCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Under every command's help: what configures it besides its options. */
  static final String[] FOOTER = {
    "",
    "Environment:",
    "  APP_<OPTION>         any long option: APP_BOOTSTRAP_SERVERS for",
    "                       --bootstrap-servers (the command line wins)",
    "  KAFKA_<SETTING>      Kafka client settings: KAFKA_SASL_MECHANISM=PLAIN",
    "                       is sasl.mechanism=PLAIN",
    "  FIGSTREAM_JAVA_OPTS  JVM options for the ./figstream launcher: -Xmx4g",
    "Logging: warnings and errors go to stderr, beside the progress lines.",
    "  More of them: FIGSTREAM_JAVA_OPTS=",
    "    -Dorg.slf4j.simpleLogger.defaultLogLevel=info",
    "    -Dorg.slf4j.simpleLogger.log.org.figstream=debug"
  };

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    cli.setExecutionStrategy(
        parsed -> {
          ProcessScratch.useDataDirectoryOf(parsed);
          TelemetryNotice.warnIfOn(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    System.exit(cli.execute(args));
  }

  /** The command that runs: the last subcommand named. */
  static CommandLine.ParseResult leaf(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    return command;
  }

  /** The configured command line, apart from {@code main} so tests can run it in-process. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * With the given environment standing in for the process's (tests; public for the Helm chart's
   * tests, which check the chart's arguments and APP_* variables against it).
   */
  public static CommandLine commandLine(java.util.Map<String, String> env) {
    CommandLine cli =
        new CommandLine(new Main())
            .setDefaultValueProvider(new EnvironmentDefaults(env))
            .setParameterExceptionHandler(Main::invalidInput)
            .setExecutionExceptionHandler(Main::configurationError);
    cli.getCommandSpec().usageMessage().footer(FOOTER);
    cli.getSubcommands()
        .values()
        .forEach(sub -> sub.getCommandSpec().usageMessage().footer(FOOTER));
    return cli;
  }

  /**
   * picocli's own handling (the message, then suggestions or the usage), except that a bad value
   * from an {@code APP_*} variable is named as such: the user did not type it, so the option name
   * alone misleads.
   */
  private static int invalidInput(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    java.io.PrintWriter err = cmd.getErr();
    String variable =
        EnvironmentDefaults.variableBehind(
            e, args, EnvironmentDefaults.environment(cmd.getCommandSpec()));
    err.println(
        variable == null
            ? e.getMessage()
            : e.getMessage() + " (from the environment variable " + variable + ")");
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      cmd.usage(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A setting that cannot work (a model that does not load, a file that is not there) is the user's
   * to fix: one line saying what, not a stack trace. So is a source that answers what figstream
   * will not read (a redirected manifest, a URL off the allow-list): the message names the URL and
   * the answer. Anything else is a bug and keeps its trace.
   */
  private static int configurationError(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
    if (e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof java.io.UncheckedIOException
        || e instanceof FetchFailure
        || (e instanceof FeedPassFailedException && e.getCause() instanceof FetchFailure)) {
      cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
      cmd.getErr().flush();
      return 2;
    }
    throw e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
