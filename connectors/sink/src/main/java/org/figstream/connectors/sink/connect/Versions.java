package org.figstream.connectors.sink.connect;

/** The plugin's version, as Connect lists it: the jar manifest's Implementation-Version. */
final class Versions {
  private Versions() {}

  static String of(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version : "unknown";
  }
}
