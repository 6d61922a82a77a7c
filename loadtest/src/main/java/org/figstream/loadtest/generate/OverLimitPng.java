package org.figstream.loadtest.generate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A valid 1-bit greyscale PNG of a scanned line drawing whose size is over the normaliser's pixel
 * limit (12000 x 10200 = 122.4 MP against 120 MP): written chunk by chunk, so making it needs a row
 * of memory, not a 15 MB raster. The normaliser refuses it from the header (TOO_MANY_PIXELS).
 */
final class OverLimitPng {
  static final int WIDTH = 12000;
  static final int HEIGHT = 10200;

  private OverLimitPng() {}

  static byte[] write(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(png)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(WIDTH);
      h.writeInt(HEIGHT);
      h.write(
          new byte[] {1, 0, 0, 0, 0}); // bit depth 1, greyscale, deflate, filter 0, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      try (DeflaterOutputStream z =
          new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED))) {
        byte[] row = new byte[1 + WIDTH / 8];
        int lineEvery = 40 + r.nextInt(200);
        for (int y = 0; y < HEIGHT; y++) {
          java.util.Arrays.fill(row, (byte) 0xff);
          row[0] = 0; // filter: none
          if (y % lineEvery == 0) {
            java.util.Arrays.fill(row, 1, row.length, (byte) 0); // a ruled line
          }
          row[1 + r.nextInt(WIDTH / 8)] = (byte) r.nextInt(256); // specks of the scan
          z.write(row);
        }
      }
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
