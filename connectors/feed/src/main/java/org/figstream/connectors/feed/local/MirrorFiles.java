package org.figstream.connectors.feed.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** How the local mirror reads one file: never through a link, never past a size limit. */
final class MirrorFiles {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private MirrorFiles() {}

  /**
   * Reads a file that is neither a link nor larger than {@code limit}: the size is checked before
   * reading (a file over 2 GiB cannot even be held in an array), and the read itself stops one byte
   * past the limit, in case the file grew in between. The stream does not follow a link either,
   * should one be put in the file's place after it was listed.
   */
  static byte[] read(Path f, long limit, String what) throws IOException, UnusableInputException {
    BasicFileAttributes attributes = Files.readAttributes(f, BasicFileAttributes.class, NOFOLLOW);
    if (attributes.isSymbolicLink()) {
      // the reason a package's link entry gets: the same refusal, one name to filter dead letters
      throw new UnusableInputException(
          "unsafe-archive-entry", f + " is a symbolic link; links in a mirror are not followed");
    }
    long size = attributes.size();
    if (size > limit) {
      throw tooLarge(f, size, limit, what);
    }
    try (InputStream in = Files.newInputStream(f, NOFOLLOW)) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(f, Files.size(f), limit, what);
      }
      return bytes;
    }
  }

  private static UnusableInputException tooLarge(Path f, long size, long limit, String what) {
    return new UnusableInputException(
        "too-large", f + " is " + size + " bytes, over the limit of " + limit + " for " + what);
  }
}
