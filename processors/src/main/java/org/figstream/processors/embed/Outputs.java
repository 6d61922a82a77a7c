package org.figstream.processors.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** Reads the descriptor's output tensor into one pooled, optionally normalised vector per input. */
final class Outputs {
  private Outputs() {}

  static List<float[]> rows(NDList outputs, EncoderDescriptor d, int count, long[][] masks) {
    NDArray out = named(outputs, d.output());
    Shape shape = out.getShape();
    float[] flat = out.toFloatArray();
    List<float[]> rows = new ArrayList<>(count);
    if (d.pooling().equals("none")) {
      if (shape.dimension() != 2) {
        throw new IllegalStateException(
            d.name() + ": output " + d.output() + " is " + shape + ", pooling none needs [N,D]");
      }
      int dims = (int) shape.get(1);
      for (int i = 0; i < count; i++) {
        float[] v = new float[dims];
        System.arraycopy(flat, i * dims, v, 0, dims);
        rows.add(v);
      }
    } else {
      if (shape.dimension() != 3) {
        throw new IllegalStateException(
            d.name()
                + ": output "
                + d.output()
                + " is "
                + shape
                + ", pooling "
                + d.pooling()
                + " needs [N,T,D]");
      }
      int tokens = (int) shape.get(1);
      int dims = (int) shape.get(2);
      for (int i = 0; i < count; i++) {
        rows.add(Vectors.pool(flat, i, tokens, dims, masks == null ? null : masks[i], d.pooling()));
      }
    }
    for (float[] v : rows) {
      if (v.length != d.dimensions()) {
        throw new IllegalStateException(
            d.name() + " made " + v.length + "-d vectors, its descriptor says " + d.dimensions());
      }
      if (d.normalize()) {
        Vectors.normalize(v);
      }
    }
    return rows;
  }

  private static NDArray named(NDList outputs, String name) {
    for (NDArray a : outputs) {
      if (name.equals(a.getName())) {
        return a;
      }
    }
    List<String> names = new ArrayList<>();
    outputs.forEach(a -> names.add(a.getName()));
    throw new IllegalStateException("the model has no output " + name + "; it has " + names);
  }
}
