package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDefaultsTest {

  @Test
  void shouldNameTheVariableABadValueCameFrom() {
    StringWriter err = new StringWriter();
    int refused =
        Main.commandLine(Map.of("APP_SAMPLE_FAULTS", "abc"))
            .setErr(new PrintWriter(err))
            .execute("run", "--sample");

    assertThat(refused).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--sample-faults': 'abc' is not a double "
                + "(from the environment variable APP_SAMPLE_FAULTS)");
  }

  @Test
  void shouldNotBlameTheVariableForAValueTypedOnTheCommandLine() {
    StringWriter err = new StringWriter();
    int refused =
        Main.commandLine(Map.of("APP_SAMPLE_FAULTS", "0.1"))
            .setErr(new PrintWriter(err))
            .execute("run", "--sample-faults=xyz");

    assertThat(refused).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Invalid value for option '--sample-faults': 'xyz' is not a double\n")
        .doesNotContain("APP_SAMPLE_FAULTS");
  }

  @Test
  void shouldTellInEveryHelpWhatTheEnvironmentAndTheLogLevelsSet() {
    for (String command : new String[] {"run", "feed", "enrich", "extract"}) {
      StringWriter out = new StringWriter();
      assertThat(
              Main.commandLine(Map.of())
                  .setOut(new PrintWriter(out, true))
                  .execute(command, "--help"))
          .isZero();
      assertThat(out.toString())
          .as(command)
          .contains(
              "APP_BOOTSTRAP_SERVERS for\n",
              "KAFKA_SASL_MECHANISM=PLAIN",
              "FIGSTREAM_JAVA_OPTS",
              "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    }
  }

  @Test
  void shouldMapLongOptionsToVariables() {
    assertThat(EnvironmentDefaults.variableFor("--bucket-url")).isEqualTo("APP_BUCKET_URL");
    assertThat(EnvironmentDefaults.variableFor("--state-memory-mb"))
        .isEqualTo("APP_STATE_MEMORY_MB");
  }
}
