package org.figstream.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every long option can also come from the environment, {@code --bucket-url} from {@code
 * APP_BUCKET_URL} (the containers of the Helm chart are configured this way); the command line wins
 * over it.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = env;
  }

  /** The environment the command line was made with (the process's, or a test's stand-in). */
  static Map<String, String> environment(picocli.CommandLine.Model.CommandSpec spec) {
    return spec.defaultValueProvider() instanceof EnvironmentDefaults d ? d.env : System.getenv();
  }

  static String variableFor(String longName) {
    return "APP_" + longName.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * The variable a refused option value came from: set in {@code env}, and the option not on the
   * command line ({@code args}); null when the user typed it, or for a refusal that is not about
   * one option.
   */
  static String variableBehind(ParameterException e, String[] args, Map<String, String> env) {
    if (!(e.getArgSpec() instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
      return null;
    }
    String variable = variableFor(option.longestName());
    boolean typed =
        Arrays.stream(args)
            .anyMatch(
                a ->
                    Arrays.stream(option.names())
                        .anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
    return !typed && env.containsKey(variable) ? variable : null;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
      String value = env.get(variableFor(option.longestName()));
      if (value != null) {
        return value;
      }
    }
    return arg.defaultValue();
  }
}
