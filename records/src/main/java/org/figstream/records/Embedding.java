package org.figstream.records;

import java.util.Arrays;

/**
 * A vector from one encoder. The model name travels with it because vectors of different models
 * live in different spaces and must never be compared.
 *
 * @param model the encoder's name, e.g. {@code all-MiniLM-L6-v2}
 * @param vector the embedding, L2-normalised when the encoder's descriptor says so
 */
public record Embedding(String model, float[] vector) {
  public int dimensions() {
    return vector.length;
  }

  // Records compare arrays by identity; two embeddings of one input must be equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && model.equals(e.model) && Arrays.equals(vector, e.vector);
  }

  @Override
  public int hashCode() {
    return model.hashCode() * 31 + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[" + model + ", " + vector.length + " dims]";
  }
}
