package io.actmix.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reusable Java copy of a two-dimensional ND4J array, in row-major order, in double precision or
 * (for float32 arrays, without widening) in float, for {@link MixtureKernel} and for any layer
 * written the same way (the experiments' PReLU): one bulk copy in, arithmetic on the JVM, one bulk
 * copy out. Not thread-safe: one buffer per array of a layer, used in one of the two precisions.
 *
 * <p>Copies go through the array's native memory directly when it is contiguous in row-major
 * ({@code 'c'}) or column-major ({@code 'f'}) order, float or double: the common case, since DL4J
 * layers hand over workspace arrays of either order. Anything else (strided views, other data
 * types) goes through a contiguous double-precision copy made by ND4J first.
 *
 * <p>The buffer only grows: after {@link #load} or {@link #reserve} of {@code length} elements,
 * {@link #values()} holds at least that many, and only the first {@code length} mean anything;
 * likewise {@link #loadFloats}, {@link #reserveFloats} and {@link #floatValues()}.
 */
public final class HostBuffer {

  /** Side of the square tiles a column-major copy is transposed in, to stay within cache lines. */
  private static final int TILE = 16;

  private double[] values = new double[0];
  private double[] scratch = new double[0];
  private float[] floats = new float[0];
  private float[] floatValues = new float[0];

  /** The buffer's array; its first elements are the last loaded or written values. */
  public double[] values() {
    return values;
  }

  /** Makes room for {@code length} values and returns the array (contents unspecified). */
  public double[] reserve(long length) {
    int size = Math.toIntExact(length);
    if (values.length < size) {
      values = new double[size];
    }
    return values;
  }

  /**
   * Copies a matrix into this buffer, element {@code (r, c)} at {@code r · columns + c}; a vector
   * in its sequence.
   *
   * @param matrix a rank-2 array, or a vector of rank 1
   * @return the buffer's array, holding {@code matrix.length()} values
   */
  public double[] load(INDArray matrix) {
    boolean vector = matrix.rank() == 1;
    int rows = vector ? 1 : Math.toIntExact(matrix.size(0));
    int columns = Math.toIntExact(vector ? matrix.length() : matrix.size(1));
    double[] out = reserve((long) rows * columns);
    char order = contiguousOrder(matrix);
    if (order == 0) {
      return load(Nd4j.createUninitialized(DataType.DOUBLE, matrix.shape(), 'c').assign(matrix));
    }
    int length = rows * columns;
    double[] raw = order == 'c' ? out : scratch(length);
    if (matrix.dataType() == DataType.DOUBLE) {
      new DoublePointer(matrix.data().addressPointer()).get(raw, 0, length);
    } else {
      float[] copy = floats(length);
      new FloatPointer(matrix.data().addressPointer()).get(copy, 0, length);
      for (int i = 0; i < length; i++) {
        raw[i] = copy[i];
      }
    }
    if (order == 'f') { // raw holds column c's rows at c · rows
      transpose(raw, columns, rows, out);
    }
    return out;
  }

  /**
   * Copies the first {@code target.length()} values of this buffer into {@code target}, read in
   * row-major order, converting to the target's data type.
   */
  public void store(INDArray target) {
    int length = Math.toIntExact(target.length());
    char order = contiguousOrder(target);
    if (order == 0) {
      double[] exact = Arrays.copyOf(values, length);
      target.assign(Nd4j.create(exact, target.shape(), 'c').castTo(target.dataType()));
      return;
    }
    double[] raw = values;
    if (order == 'f') { // a matrix of several rows and columns: column c's rows at c · rows
      raw = scratch(length);
      transpose(values, Math.toIntExact(target.size(0)), Math.toIntExact(target.size(1)), raw);
    }
    if (target.dataType() == DataType.DOUBLE) {
      new DoublePointer(target.data().addressPointer()).put(raw, 0, length);
    } else {
      float[] copy = floats(length);
      for (int i = 0; i < length; i++) {
        copy[i] = (float) raw[i];
      }
      new FloatPointer(target.data().addressPointer()).put(copy, 0, length);
    }
  }

  /** The buffer's float array; its first elements are the last float values loaded or written. */
  public float[] floatValues() {
    return floatValues;
  }

  /** Makes room for {@code length} float values and returns the array (contents unspecified). */
  public float[] reserveFloats(long length) {
    int size = Math.toIntExact(length);
    if (floatValues.length < size) {
      floatValues = new float[size];
    }
    return floatValues;
  }

  /**
   * {@link #load}'s float counterpart: copies a matrix into this buffer's float array, element
   * {@code (r, c)} at {@code r · columns + c}, without a conversion when it is a float32 array; any
   * other type is rounded to float.
   *
   * @param matrix a rank-2 array, or a vector of rank 1
   * @return the buffer's float array, holding {@code matrix.length()} values
   */
  public float[] loadFloats(INDArray matrix) {
    char order = contiguousOrder(matrix);
    if (order == 0 || matrix.dataType() != DataType.FLOAT) {
      return loadFloats(
          Nd4j.createUninitialized(DataType.FLOAT, matrix.shape(), 'c').assign(matrix));
    }
    boolean vector = matrix.rank() == 1;
    int rows = vector ? 1 : Math.toIntExact(matrix.size(0));
    int columns = Math.toIntExact(vector ? matrix.length() : matrix.size(1));
    int length = rows * columns;
    float[] out = reserveFloats(length);
    float[] raw = order == 'c' ? out : floats(length);
    new FloatPointer(matrix.data().addressPointer()).get(raw, 0, length);
    if (order == 'f') { // raw holds column c's rows at c · rows
      transpose(raw, columns, rows, out);
    }
    return out;
  }

  /**
   * {@link #store}'s float counterpart: copies the first {@code target.length()} values of this
   * buffer's float array into {@code target}, read in row-major order.
   */
  public void storeFloats(INDArray target) {
    int length = Math.toIntExact(target.length());
    char order = contiguousOrder(target);
    if (order == 0 || target.dataType() != DataType.FLOAT) {
      float[] exact = Arrays.copyOf(floatValues, length);
      target.assign(Nd4j.create(exact, target.shape(), 'c').castTo(target.dataType()));
      return;
    }
    float[] raw = floatValues;
    if (order == 'f') { // a matrix of several rows and columns: column c's rows at c · rows
      raw = floats(length);
      transpose(floatValues, Math.toIntExact(target.size(0)), Math.toIntExact(target.size(1)), raw);
    }
    new FloatPointer(target.data().addressPointer()).put(raw, 0, length);
  }

  /**
   * A float32 matrix's native memory as a buffer, element {@code (r, c)} at {@code r · columns +
   * c}, for reading and writing it a block at a time without a Java copy of the whole; null when
   * the array is not float32 or not laid out densely in row-major order (copy it with {@link
   * #loadFloats} and {@link #storeFloats} instead). Valid while the array's memory is.
   */
  public static FloatBuffer rowMajorFloats(INDArray matrix) {
    if (matrix.dataType() != DataType.FLOAT || contiguousOrder(matrix) != 'c') {
      return null;
    }
    long length = matrix.length();
    return new FloatPointer(matrix.data().addressPointer())
        .position(0)
        .limit(length)
        .capacity(length)
        .asBuffer();
  }

  /**
   * {@code 'c'} or {@code 'f'} when {@code array} is a float or double array laid out densely in
   * that order from its first element, else 0. A vector (rank 1, or a matrix with a dimension of 1)
   * with unit element stride is {@code 'c'}: its elements lie in sequence, whatever its ordering
   * (ND4J does not report the strides of a reshaped vector as default ones).
   */
  private static char contiguousOrder(INDArray array) {
    DataType type = array.dataType();
    if (type != DataType.DOUBLE && type != DataType.FLOAT) {
      return 0;
    }
    if (array.isVector() && array.elementWiseStride() == 1) {
      return 'c';
    }
    return Shape.hasDefaultStridesForShape(array) ? array.ordering() : 0;
  }

  /**
   * Writes the transpose of {@code from}, a row-major [rows, columns] matrix, into {@code to} as a
   * row-major [columns, rows] one, tile by tile to stay within cache lines; reads {@code from} in
   * sequence.
   */
  private static void transpose(double[] from, int rows, int columns, double[] to) {
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      for (int c0 = 0; c0 < columns; c0 += TILE) {
        for (int r = r0; r < Math.min(r0 + TILE, rows); r++) {
          for (int c = c0; c < Math.min(c0 + TILE, columns); c++) {
            to[c * rows + r] = from[r * columns + c];
          }
        }
      }
    }
  }

  /** {@link #transpose(double[], int, int, double[])} for floats. */
  private static void transpose(float[] from, int rows, int columns, float[] to) {
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      for (int c0 = 0; c0 < columns; c0 += TILE) {
        for (int r = r0; r < Math.min(r0 + TILE, rows); r++) {
          for (int c = c0; c < Math.min(c0 + TILE, columns); c++) {
            to[c * rows + r] = from[r * columns + c];
          }
        }
      }
    }
  }

  private double[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new double[length];
    }
    return scratch;
  }

  private float[] floats(int length) {
    if (floats.length < length) {
      floats = new float[length];
    }
    return floats;
  }
}
