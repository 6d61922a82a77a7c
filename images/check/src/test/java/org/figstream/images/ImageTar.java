package org.figstream.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An image tar as Jib's buildTar writes it (the `docker save` layout: manifest.json, the config
 * JSON, one tar or tar.gz per layer), read without a container engine.
 */
final class ImageTar {
  /** A file in a layer, by its absolute path in the image. */
  record Entry(String path, int mode, long uid, long gid, boolean directory, String linkTarget) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path tar;
  final JsonNode config;
  final List<String> layerNames;
  final List<Map<String, Entry>> layers = new ArrayList<>();

  private ImageTar(Path tar, JsonNode config, List<String> layerNames) {
    this.tar = tar;
    this.config = config;
    this.layerNames = layerNames;
  }

  static ImageTar read(Path tar) throws IOException {
    JsonNode manifest = JSON.readTree(member(tar, "manifest.json"));
    JsonNode entry = manifest.get(0);
    JsonNode config = JSON.readTree(member(tar, entry.get("Config").asText()));
    List<String> names = new ArrayList<>();
    entry.get("Layers").forEach(n -> names.add(n.asText()));
    ImageTar image = new ImageTar(tar, config, names);
    for (String name : names) {
      Map<String, Entry> files = new LinkedHashMap<>();
      image.eachLayerFile(
          name,
          (e, in) -> {
            String path = "/" + relative(e.getName()).replaceFirst("/$", "");
            files.put(
                path,
                new Entry(
                    path,
                    e.getMode(),
                    e.getLongUserId(),
                    e.getLongGroupId(),
                    e.isDirectory(),
                    e.isSymbolicLink() || e.isLink() ? e.getLinkName() : null));
          });
      image.layers.add(files);
    }
    return image;
  }

  /** The image's run configuration: {@code config} in the image config JSON. */
  JsonNode runConfig() {
    return config.get("config");
  }

  List<String> strings(String field) {
    List<String> values = new ArrayList<>();
    JsonNode node = runConfig().get(field);
    if (node != null) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  List<String> keys(String field) {
    List<String> values = new ArrayList<>();
    JsonNode node = runConfig().get(field);
    if (node != null) {
      node.fieldNames().forEachRemaining(values::add);
    }
    return values;
  }

  /** The file at an image path as the last layer that has it leaves it, or null. */
  Entry file(String path) {
    Entry found = null;
    for (Map<String, Entry> layer : layers) {
      found = layer.getOrDefault(path, found);
    }
    return found;
  }

  /** Which layer (0 = the base's first) holds a path, -1 if none. */
  int layerOf(String path) {
    int index = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).containsKey(path)) {
        index = i;
      }
    }
    return index;
  }

  /** Image paths, over all layers, that start with a prefix. */
  List<String> paths(String prefix) {
    return layers.stream()
        .flatMap(l -> l.keySet().stream())
        .filter(p -> p.startsWith(prefix))
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Unpacks the layers, in order, into a folder: the image's root file system as a container engine
   * would see it (owners as in the layers; these images have no whiteouts).
   */
  void unpack(Path root) throws IOException {
    for (String name : layerNames) {
      eachLayerFile(
          name,
          (e, in) -> {
            Path target = root.resolve(relative(e.getName())).normalize();
            if (!target.startsWith(root)) {
              throw new IOException("layer entry outside the root: " + e.getName());
            }
            if (e.isDirectory()) {
              Files.createDirectories(target);
            } else {
              Files.createDirectories(target.getParent());
              Files.deleteIfExists(target);
              if (e.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                return;
              } else if (e.isLink()) {
                Files.createLink(target, root.resolve(relative(e.getLinkName())).normalize());
                return;
              } else {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
              }
            }
            Files.setPosixFilePermissions(target, permissions(e.getMode()));
            Files.setAttribute(
                target, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(
                target, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
          });
    }
  }

  private static String relative(String name) {
    return name.replaceFirst("^\\./", "").replaceFirst("^/+", "");
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  interface EntryVisitor {
    void visit(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  private void eachLayerFile(String layer, EntryVisitor visitor) throws IOException {
    try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
        if (!e.getName().equals(layer)) {
          continue;
        }
        InputStream raw = new BufferedInputStream(outer);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream data = gzip ? new GzipCompressorInputStream(raw) : raw;
        TarArchiveInputStream inner = new TarArchiveInputStream(data);
        for (TarArchiveEntry f = inner.getNextEntry(); f != null; f = inner.getNextEntry()) {
          visitor.visit(f, inner);
        }
        return;
      }
    }
    throw new IOException(tar + " has no layer " + layer);
  }

  private static byte[] member(Path tar, String name) throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    throw new IOException(tar + " has no " + name);
  }
}
