package org.figstream.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs an unpacked image's entrypoint the way a container engine would, as far as this machine
 * allows without one. As root (with unshare and chroot): in a private mount namespace the root file
 * system is bind-mounted read-only, /proc, /dev and a tmpfs /tmp are mounted, the data volume is a
 * writable folder, and the entrypoint runs chrooted as the image's user with the image's
 * environment (/sys is the host's, bind-mounted: ONNX Runtime reads the CPU topology there and
 * crashes without it). Otherwise: the image's own dynamic loader starts its java with the image's
 * library folders, the class path rewritten onto the unpacked root (no read-only root, no user
 * switch).
 */
final class ImageRun {
  record Result(int exitCode, String output, boolean chrooted) {
    /** How it ran, the exit code and the last lines of the output. */
    String summary(int lines) {
      List<String> all = output.lines().toList();
      return (chrooted ? "chroot, read-only root" : "no chroot (image loader, writable root)")
          + ", exit "
          + exitCode
          + ", last lines:\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  private ImageRun() {}

  static boolean canChroot() {
    if (Boolean.getBoolean("images.check.noChroot")) {
      return false;
    }
    try {
      Process id = new ProcessBuilder("id", "-u").start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return id.waitFor() == 0
          && uid.equals("0")
          && onPath("unshare") != null
          && onPath("chroot") != null
          && onPath("mount") != null;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A tool on this machine's PATH (the command runs with the image's), or null. */
  private static String onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool).toString();
      }
    }
    return null;
  }

  /** The image's entrypoint with these arguments, or with its Cmd when null. */
  static List<String> entrypoint(ImageTar image, List<String> args) {
    List<String> command = new ArrayList<>(image.strings("Entrypoint"));
    command.addAll(args != null ? args : image.strings("Cmd"));
    return command;
  }

  /**
   * Runs a command in the image: its first word found on the image's PATH.
   *
   * @param volume the folder mounted at {@code volumePath} (writable), or null
   */
  static Result run(
      ImageTar image, Path root, Path volume, String volumePath, List<String> command, long seconds)
      throws IOException, InterruptedException {
    return runUntil(image, root, volume, volumePath, command, null, seconds);
  }

  /** Like {@link #run}, chrooted, in a memory cgroup (its processes file: {@code cgroupProcs}). */
  static Result runLimited(ImageTar image, Path root, List<String> command, Path cgroupProcs)
      throws IOException, InterruptedException {
    cgroup.set(cgroupProcs.toString());
    try {
      return runUntil(image, root, null, null, command, null, 120);
    } finally {
      cgroup.remove();
    }
  }

  private static final ThreadLocal<String> cgroup = ThreadLocal.withInitial(() -> "");

  /**
   * Like {@link #run}, but stops the command (SIGTERM, SIGKILL 90 s later) once {@code done}
   * accepts its output so far, polled every second; the exit code is then the one after the stop,
   * -1 if it had to be killed.
   */
  static Result runUntil(
      ImageTar image,
      Path root,
      Path volume,
      String volumePath,
      List<String> command,
      Predicate<String> done,
      long seconds)
      throws IOException, InterruptedException {
    boolean chroot = canChroot();
    ProcessBuilder builder;
    if (chroot) {
      String script =
          String.join(
              " && ",
              "R=\"$0\"; V=\"$1\"; P=\"$2\"; U=\"$3\"; M=\"$4\"; C=\"$5\"; G=\"$6\"; shift 6",
              "{ [ -z \"$G\" ] || echo $$ > \"$G\"; }",
              "$M --make-rprivate /",
              "$M --bind \"$R\" \"$R\"",
              "$M -o remount,bind,ro \"$R\"",
              "$M -t proc proc \"$R/proc\"",
              "$M --rbind /sys \"$R/sys\"",
              "$M --rbind /dev \"$R/dev\"",
              "$M -t tmpfs -o mode=1777 tmpfs \"$R/tmp\"",
              "{ [ -z \"$V\" ] || $M --bind \"$V\" \"$R$P\"; }",
              "exec \"$C\" --userspec=\"$U\" \"$R\" \"$@\"");
      List<String> full =
          new ArrayList<>(
              List.of(
                  onPath("unshare"),
                  "--mount",
                  "--kill-child=TERM",
                  "sh",
                  "-c",
                  script,
                  root.toString(),
                  volume == null ? "" : volume.toString(),
                  volumePath == null ? "" : volumePath,
                  image.runConfig().get("User").asText(),
                  onPath("mount"),
                  onPath("chroot"),
                  cgroup.get()));
      full.addAll(command);
      builder = new ProcessBuilder(full);
    } else {
      builder = new ProcessBuilder(withoutChroot(image, root, volume, volumePath, command));
      if (volume != null) {
        builder.directory(volume.toFile());
      }
    }
    builder.environment().clear();
    builder.environment().putAll(environment(image));
    builder.redirectErrorStream(true);
    Path log = Files.createTempFile("image-run", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    boolean exited = false;
    while (!exited && System.nanoTime() < deadline) {
      exited = process.waitFor(1, TimeUnit.SECONDS);
      if (!exited && done != null && done.test(Files.readString(log))) {
        // SIGTERM to the command itself: chroot's user switch clears unshare's --kill-child signal
        process.descendants().forEach(ProcessHandle::destroy);
        exited = process.waitFor(90, TimeUnit.SECONDS);
        break;
      }
    }
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    Files.delete(log);
    return new Result(exited ? process.exitValue() : -1, output, chroot);
  }

  /** The image's Env as a map. */
  static Map<String, String> environment(ImageTar image) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String kv : image.strings("Env")) {
      int eq = kv.indexOf('=');
      env.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return env;
  }

  /**
   * The command through the image's own loader: java's path, the class path file and the volume's
   * path (in the environment's APP_ variables) rewritten onto the unpacked root.
   */
  private static List<String> withoutChroot(
      ImageTar image, Path root, Path volume, String volumePath, List<String> command)
      throws IOException {
    String javaHome = environment(image).get("JAVA_HOME");
    List<String> full = new ArrayList<>();
    full.add(root.resolve("lib64/ld-linux-x86-64.so.2").toString());
    full.add("--library-path");
    full.add(
        String.join(
            ":",
            root + "/lib/x86_64-linux-gnu",
            root + "/usr/lib/x86_64-linux-gnu",
            root + javaHome + "/lib",
            root + javaHome + "/lib/server"));
    full.add(root + javaHome + "/bin/java");
    for (String arg : command.subList(1, command.size())) {
      if (arg.startsWith("@/")) {
        Path file = root.resolve(arg.substring(2));
        String rewritten = Files.readString(file).replace("/app/", root + "/app/");
        Path copy = Files.createTempFile("classpath", ".txt");
        Files.writeString(copy, rewritten);
        copy.toFile().deleteOnExit();
        full.add("@" + copy);
      } else if (volume != null && arg.startsWith(volumePath)) {
        full.add(volume + arg.substring(volumePath.length()));
      } else {
        full.add(arg);
      }
    }
    return full;
  }
}
