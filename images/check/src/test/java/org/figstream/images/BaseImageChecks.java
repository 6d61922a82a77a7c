package org.figstream.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What both images share, from images/build-base.sh and the parent POM's Jib configuration: a
 * non-root user, the JVM sized by the container's memory limit, natives unpacked to the /tmp
 * volume, the Debian libraries and the jlinked JRE in the two base layers, no shell. Skipped, with
 * the command that builds them, when the image tars are absent (a plain {@code ./mvnw verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BaseImageChecks {
  static final String USER = "10001:10001";
  static final String JAVA = "/opt/java/openjdk/bin/java";

  ImageTar image;
  Path root;

  /** The image tar, relative to the repository root. */
  abstract String tarPath();

  @BeforeAll
  void openImage() throws IOException {
    Path repo = Path.of(System.getProperty("figstream.root", "../.."));
    Path tar = repo.resolve(tarPath());
    String missing =
        "skipped, no image tar at "
            + tar
            + ": build the images with images/build-base.sh && ./mvnw -B -Pimages -DskipTests"
            + " package (docs/images.md)";
    if (!Files.isRegularFile(tar)) {
      System.out.println(getClass().getSimpleName() + ": " + missing); // surefire counts 0 tests
    }
    assumeTrue(Files.isRegularFile(tar), missing);
    long started = System.nanoTime();
    image = ImageTar.read(tar);
    root = Files.createTempDirectory("image-root");
    image.unpack(root);
    System.out.printf(
        "%s: %d bytes, %d layers, read and unpacked in %d ms%n",
        tar, Files.size(tar), image.layerNames.size(), (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  void removeRoot() throws IOException {
    deleteTree(root);
  }

  static void deleteTree(Path folder) throws IOException {
    if (folder != null && Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void runsAsANonRootUserThatExistsInTheImage() throws IOException {
    assertThat(image.runConfig().get("User").asText()).isEqualTo(USER);
    assertThat(Files.readAllLines(root.resolve("etc/passwd")))
        .contains("figstream:x:10001:10001:figstream:/home/figstream:/sbin/nologin");
  }

  @Test
  void theJvmTakesItsHeapFromTheContainerLimitAndItsTempFilesToTheTmpVolume() {
    assertThat(image.strings("Entrypoint"))
        .startsWith("java")
        .contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp", "-cp")
        .contains("@/app/jib-classpath-file");
    assertThat(image.keys("Volumes")).contains("/tmp");
    assertThat(image.strings("Env"))
        .contains("JAVA_HOME=/opt/java/openjdk")
        .anySatisfy(e -> assertThat(e).startsWith("PATH=/opt/java/openjdk/bin:"));
  }

  @Test
  void theBaseLayersHoldTheDebianLibrariesAndTheJreAndNoShell() {
    assertThat(image.layerNames).hasSizeGreaterThanOrEqualTo(4);
    assertThat(image.config.at("/rootfs/diff_ids")).hasSize(image.layerNames.size());
    // layer 0: Debian's C libraries (distroless-style, package records in status.d)
    assertThat(image.layerOf("/lib64/ld-linux-x86-64.so.2")).isZero();
    assertThat(image.layerOf("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")).isZero();
    assertThat(image.layerOf("/var/lib/dpkg/status.d/libc6")).isZero();
    // layer 1: the JRE, executable by everyone
    assertThat(image.layerOf(JAVA)).isEqualTo(1);
    assertThat(image.file(JAVA).mode() & 0755).isEqualTo(0755);
    assertThat(image.layerOf("/opt/java/openjdk/lib/server/libjvm.so")).isEqualTo(1);
    assertThat(image.file("/bin/sh")).isNull();
    assertThat(image.file("/usr/bin/apt-get")).isNull();
  }

  /**
   * The entrypoint's JVM flags in a 512 MiB memory cgroup (what a container limit is): the heap
   * must be 75% of it. Root only, and only where this machine's cgroups allow a child group.
   */
  @Test
  void theHeapIsThreeQuartersOfTheContainersMemoryLimit() throws Exception {
    assumeTrue(ImageRun.canChroot(), "needs root, unshare and chroot");
    long limit = 512L << 20;
    try (MemoryLimit cgroup = MemoryLimit.create(limit)) {
      assumeTrue(cgroup != null, "cannot make a memory cgroup here");
      List<String> entrypoint = image.strings("Entrypoint");
      List<String> command =
          new ArrayList<>(entrypoint.subList(0, entrypoint.indexOf("-cp"))); // java + its flags
      command.addAll(List.of("-XX:+PrintFlagsFinal", "-XshowSettings:system", "-version"));
      ImageRun.Result result = ImageRun.runLimited(image, root, command, cgroup.procs());
      assertThat(result.output())
          .contains("Memory Limit: 512.00M")
          .containsPattern("size_t MaxHeapSize +=\\s+" + (limit * 3 / 4) + "\\s");
    }
  }

  @Test
  void theImagesJavaRuntimeStarts() throws Exception {
    ImageRun.Result result =
        ImageRun.run(
            image,
            root,
            null,
            null,
            List.of("java", "-XX:MaxRAMPercentage=75", "-XshowSettings:system", "-version"),
            120);
    System.out.println(result.summary(40));
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("openjdk version \"17");
  }
}
