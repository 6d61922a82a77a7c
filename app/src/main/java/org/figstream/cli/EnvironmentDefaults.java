package org.figstream.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every long option can also come from the environment, {@code --bucket-url} from {@code APP_BUCKET_URL}
 * (the containers of the Helm chart are configured this way); the command line wins over it.
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
