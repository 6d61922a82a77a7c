package org.figstream.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A self-signed certificate for loopback (SAN {@code IP:127.0.0.1} and {@code DNS:localhost}) in a
 * PKCS12 keystore, and a PKCS12 truststore holding it: made with the JDK's {@code keytool} when a
 * test or the load harness needs them, so no certificate file is checked in and none expires. One
 * certificate serves every node of a cluster: each node trusts the others' by the same truststore,
 * as a cluster signed by one CA does.
 *
 * @param keystore the nodes' key and certificate
 * @param keystorePassword the keystore's and its key's password: the nodes', never a client's
 * @param truststore what a client (or a node replicating from another) needs to trust the nodes
 * @param truststorePassword the truststore's password
 */
public record ClusterTls(
    Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
  /** The variable keytool reads a store's password from ({@code -storepass:env}). */
  private static final String STOREPASS = "FIGSTREAM_KEYTOOL_STOREPASS";

  /** Makes {@code node.p12}, {@code node.crt} and {@code truststore.p12} in {@code folder}. */
  public static ClusterTls create(Path folder, String keystorePassword, String truststorePassword) {
    // absolute: the nodes, figstream and the harness read these paths, each from its own process
    Path dir = folder.toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClusterTls tls =
        new ClusterTls(
            dir.resolve("node.p12"),
            keystorePassword,
            dir.resolve("truststore.p12"),
            truststorePassword);
    Path cert = dir.resolve("node.crt");
    String keystore = tls.keystore.toString();
    try {
      // keytool adds to a store that exists, and refuses a second "node": a folder used before
      // gets a new certificate
      for (Path old : List.of(tls.keystore, tls.truststore, cert)) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keytool(
        keystorePassword,
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=IP:127.0.0.1,DNS:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore,
        "-storepass:env",
        STOREPASS);
    keytool(
        keystorePassword,
        "-exportcert",
        "-rfc",
        "-alias",
        "node",
        "-file",
        cert.toString(),
        "-keystore",
        keystore,
        "-storepass:env",
        STOREPASS);
    keytool(
        truststorePassword,
        "-importcert",
        "-noprompt",
        "-alias",
        "node",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        tls.truststore.toString(),
        "-storepass:env",
        STOREPASS);
    return tls;
  }

  /**
   * A certificate for a cluster's nodes in {@code dir}, and the nodes' settings beside it ({@link
   * #nodeSettings()}). Its passwords are throwaway ones, as the certificate is: only the nodes and
   * their clients, given this record, know them.
   */
  static ClusterTls forNodes(Path dir) {
    // two: the truststore's goes to every client, the keystore's opens the nodes' private key
    ClusterTls tls = create(dir, Uuid.randomUuid().toString(), Uuid.randomUuid().toString());
    write(tls.nodeSettings(), tls.nodeProperties(), "a cluster node's TLS settings");
    return tls;
  }

  /**
   * Where {@link #forNodes} writes {@link #nodeProperties()}, for {@link ClusterNode}'s {@code
   * TLS}.
   */
  Path nodeSettings() {
    return keystore.resolveSibling("node-ssl.properties");
  }

  /**
   * What a client needs to reach an SSL listener of these nodes, as a {@code client.properties}
   * file has it ({@code bootstrap.servers} apart).
   */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("security.protocol", "SSL");
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.location", truststore.toString());
    p.put("ssl.truststore.password", truststorePassword);
    return p;
  }

  /**
   * {@link #clientProperties()} written to {@code file}, for figstream's {@code --kafka-config}.
   */
  public Path writeClientProperties(Path file) {
    return write(file, clientProperties(), "a client of the cluster's SSL listeners");
  }

  /**
   * The nodes' own settings: the keystore they serve, and the truststore their replica fetchers and
   * controller clients check the other nodes with. Top-level {@code ssl.*}, so every SSL listener
   * and every node-to-node client takes them.
   */
  public Map<String, String> nodeProperties() {
    Map<String, String> p = new LinkedHashMap<>(clientProperties());
    p.remove("security.protocol");
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.location", keystore.toString());
    p.put("ssl.keystore.password", keystorePassword);
    p.put("ssl.key.password", keystorePassword);
    return p;
  }

  /**
   * Turns a node's configuration from {@link EmbeddedBroker#loopbackNode} (PLAINTEXT and CONTROLLER
   * listeners) into one that speaks TLS on both: clients, replication and the KRaft quorum, as a
   * cluster that encrypts everything between its nodes does.
   */
  static void secure(Properties node, Map<String, String> ssl) {
    node.put("listeners", node.getProperty("listeners").replace("PLAINTEXT://", "SSL://"));
    node.put(
        "advertised.listeners",
        node.getProperty("advertised.listeners").replace("PLAINTEXT://", "SSL://"));
    node.put("inter.broker.listener.name", "SSL");
    node.put("listener.security.protocol.map", "SSL:SSL,CONTROLLER:SSL");
    node.putAll(ssl);
  }

  static Map<String, String> read(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> map = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    return map;
  }

  static Path write(Path file, Map<String, String> settings, String comment) {
    Properties p = new Properties();
    p.putAll(settings);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file)) {
        p.store(out, comment);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * keytool with the store's password in its environment, not on a command line {@code ps} shows.
   */
  private static void keytool(String storePassword, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put(STOREPASS, storePassword);
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  /** The stores and where they are, never the passwords (tests print records that fail). */
  @Override
  public String toString() {
    return "ClusterTls[keystore=" + keystore + ", truststore=" + truststore + "]";
  }
}
