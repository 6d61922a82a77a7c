package org.figstream.processors.label;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} arrays of float32 or float64, one or two dimensions, C order: the form
 * scikit-learn's PCA and KMeans parameters are saved in with {@code numpy.save}.
 */
final class Npy {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|])(f[48])'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** The array as rows; a one-dimensional array is one row. */
  static float[][] read(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    buf.get(magic);
    if (!new String(magic, StandardCharsets.ISO_8859_1).equals("\u0093NUMPY")) {
      throw new IOException(file + " is not a .npy file");
    }
    int major = buf.get();
    buf.get();
    int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
    byte[] headerBytes = new byte[headerLength];
    buf.get(headerBytes);
    String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw new IOException(file + ": unreadable .npy header " + header.strip());
    }
    if (f.group(1).equals("True")) {
      throw new IOException(
          file + ": Fortran-ordered arrays are not supported; save with numpy.ascontiguousarray");
    }
    buf.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    String[] dims = s.group(1).replace(" ", "").split(",");
    int rows = dims.length >= 2 && !dims[1].isEmpty() ? Integer.parseInt(dims[0]) : 1;
    int cols =
        dims.length >= 2 && !dims[1].isEmpty()
            ? Integer.parseInt(dims[1])
            : Integer.parseInt(dims[0]);
    if (dims.length > 2 && !dims[2].isEmpty()) {
      throw new IOException(file + ": arrays of more than two dimensions are not supported");
    }
    boolean doubles = d.group(2).equals("f8");
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = doubles ? (float) buf.getDouble() : buf.getFloat();
      }
    }
    return out;
  }
}
