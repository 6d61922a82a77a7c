package org.figstream.processors.embed;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An image encoder from an ONNX file and its descriptor, on DJL's OnnxRuntime engine. */
public final class OnnxImageEncoder implements ImageEncoder {
  private final EncoderDescriptor d;
  private final ImagePreprocessor preprocessor;
  private final Model model;

  /**
   * Batch buffers not in use: as many as calls have run at once (the inference concurrency),
   * reused.
   */
  private final Queue<ByteBuffer> batches = new ConcurrentLinkedQueue<>();

  public OnnxImageEncoder(EncoderDescriptor descriptor, Accelerator accelerator) {
    if (!descriptor.isImage()) {
      throw new IllegalArgumentException(
          descriptor.name() + " is a " + descriptor.kind() + " encoder, not an image one");
    }
    this.d = descriptor;
    this.preprocessor = new ImagePreprocessor(descriptor);
    this.model = OrtModels.load(descriptor, accelerator);
  }

  @Override
  public EncoderDescriptor descriptor() {
    return d;
  }

  @Override
  public float[] preprocess(BufferedImage image) {
    return preprocessor.apply(image);
  }

  @Override
  public List<float[]> embed(List<float[]> inputs) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    int n = d.size();
    int per = 3 * n * n;
    ByteBuffer buffer = batchBuffer(inputs.size() * per);
    try {
      FloatBuffer batch = buffer.asFloatBuffer();
      for (float[] in : inputs) {
        if (in.length != per) {
          throw new IllegalArgumentException(
              "input of " + in.length + " values, the model takes " + per);
        }
        batch.put(in);
      }
      batch.flip();
      Shape shape =
          d.layout().equals("NHWC")
              ? new Shape(inputs.size(), n, n, 3)
              : new Shape(inputs.size(), 3, n, n);
      try (NDManager manager = model.getNDManager().newSubManager()) {
        NDArray x = manager.create(batch, shape);
        x.setName(d.input());
        NDList out =
            model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
        return Outputs.rows(out, d, inputs.size(), null);
      }
    } finally {
      batches.offer(buffer); // the tensor that read it is closed by now
    }
  }

  /**
   * A direct, native-order buffer for one batch: ONNX Runtime reads such a buffer in place, where a
   * heap buffer is allocated and copied once more on every call (10 MB for a batch of 16 at 224
   * px). Buffers are pooled rather than kept per thread, because the inference scheduler's threads
   * come and go.
   */
  private ByteBuffer batchBuffer(int floats) {
    ByteBuffer buffer = batches.poll();
    if (buffer == null || buffer.capacity() < floats * Float.BYTES) {
      buffer = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }
    buffer.clear().limit(floats * Float.BYTES);
    return buffer;
  }

  @Override
  public void close() {
    batches.clear();
    model.close();
  }
}
