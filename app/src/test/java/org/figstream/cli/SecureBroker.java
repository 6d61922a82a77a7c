package org.figstream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.figstream.broker.ClusterTls;
import org.figstream.broker.EmbeddedBroker;

/**
 * The in-process broker with a second listener, SASL_SSL with SCRAM-SHA-512, as a secured cluster
 * offers it: a self-signed certificate for 127.0.0.1 made with the JDK's keytool ({@link
 * ClusterTls}: no certificate files checked in, none to expire), one SCRAM user created over the
 * PLAINTEXT listener, which the controller and the broker keep using between themselves.
 */
final class SecureBroker implements AutoCloseable {
  /** The broker's own keystore password: the broker's, never given to figstream. */
  private static final String KEYSTORE_PASSWORD = "broker-keystore-password";

  final EmbeddedBroker broker;

  /** host:port of the SASL_SSL listener. */
  final String saslSsl;

  /** The PKCS12 truststore holding the broker's certificate. */
  final Path truststore;

  private SecureBroker(EmbeddedBroker broker, String saslSsl, Path truststore) {
    this.broker = broker;
    this.saslSsl = saslSsl;
    this.truststore = truststore;
  }

  /** Starts it under {@code dir} with the user {@code user}, its truststore under that password. */
  static SecureBroker start(Path dir, String user, String password, String truststorePassword)
      throws Exception {
    ClusterTls tls = ClusterTls.create(dir.resolve("tls"), KEYSTORE_PASSWORD, truststorePassword);
    Path keystore = tls.keystore();
    Path truststore = tls.truststore();

    String[] address = new String[1];
    EmbeddedBroker broker =
        EmbeddedBroker.start(
            dir.resolve("cluster"),
            p -> {
              // chosen once the broker's own ports are: a free port picked before them could be
              // handed out again for one of them
              address[0] = "127.0.0.1:" + freePortBesides(p.getProperty("listeners"));
              addSaslSsl(p, address[0], keystore);
            });
    String saslSsl = address[0];
    try {
      try (Admin admin = Admin.create(broker.clientConfig())) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                        password)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      SecureBroker secure = new SecureBroker(broker, saslSsl, truststore);
      secure.awaitLogin(user, password, truststorePassword);
      return secure;
    } catch (Exception e) {
      broker.close();
      throw e;
    }
  }

  /**
   * Kafka 4.3 broker settings for a SASL_SSL listener named SASL_SSL (names per the Kafka docs).
   */
  private static void addSaslSsl(Properties p, String address, Path keystore) {
    p.put("listeners", p.getProperty("listeners") + ",SASL_SSL://" + address);
    p.put("advertised.listeners", p.getProperty("advertised.listeners") + ",SASL_SSL://" + address);
    p.put(
        "listener.security.protocol.map",
        p.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
    p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    // the server side of SCRAM needs no credentials of its own: the users live in the metadata log
    p.put(
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
    p.put("listener.name.sasl_ssl.ssl.keystore.location", keystore.toString());
    p.put("listener.name.sasl_ssl.ssl.keystore.password", KEYSTORE_PASSWORD);
    p.put("listener.name.sasl_ssl.ssl.key.password", KEYSTORE_PASSWORD);
  }

  /** Client settings of a user of the SASL_SSL listener, as a client.properties file has them. */
  Map<String, Object> clientConfig(String user, String password, String truststorePassword) {
    return Map.of(
        "bootstrap.servers",
        saslSsl,
        "security.protocol",
        "SASL_SSL",
        "sasl.mechanism",
        "SCRAM-SHA-512",
        "sasl.jaas.config",
        jaas(user, password),
        "ssl.truststore.type",
        "PKCS12",
        "ssl.truststore.location",
        truststore.toString(),
        "ssl.truststore.password",
        truststorePassword);
  }

  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * Returns once the user logs in over TLS: the credential reaches the broker's SCRAM cache shortly
   * after the controller committed it, and a failed login now would be the harness's, not
   * figstream's.
   */
  private void awaitLogin(String user, String password, String truststorePassword)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Admin admin = Admin.create(clientConfig(user, password, truststorePassword))) {
        admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  /** A free loopback port that none of {@code listeners} (Kafka's listeners property) uses. */
  private static int freePortBesides(String listeners) {
    while (true) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!listeners.matches(".*:" + port + "(,.*)?")) {
        return port;
      }
    }
  }

  @Override
  public void close() {
    broker.close();
  }
}
