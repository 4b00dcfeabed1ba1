package io.actmix.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link HostBuffer} copies every layout DL4J hands a layer (row-major, column-major, views with an
 * offset, strided views) in row-major order, exactly: the values are small integers, which float32
 * holds exactly.
 */
class HostBufferTest {

  /** A [rows, cols] matrix whose element (r, c) is {@code 10 r + c}, in the given order. */
  private static INDArray counting(DataType type, char order, int rows, int cols) {
    INDArray matrix = Nd4j.create(type, new long[] {rows, cols}, order);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        matrix.putScalar(r, c, 10 * r + c);
      }
    }
    return matrix;
  }

  private static double[] rowMajor(int rows, int cols, int firstRow) {
    double[] expected = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        expected[r * cols + c] = 10 * (r + firstRow) + c;
      }
    }
    return expected;
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void load_contiguousFloatAndDouble_copiesInRowMajorOrder(char order) {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      double[] loaded = new HostBuffer().load(counting(type, order, 4, 3));
      assertArrayEquals(rowMajor(4, 3, 0), Arrays.copyOf(loaded, 12), 0.0, type + " " + order);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = DataType.class,
      names = {"FLOAT", "DOUBLE", "HALF"})
  void load_viewsWithOffsetOrStride_copiesTheViewOnly(DataType type) {
    INDArray matrix = counting(type, 'c', 6, 5);
    INDArray rows = matrix.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
    INDArray columns = matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
    assertArrayEquals(rowMajor(3, 5, 2), Arrays.copyOf(new HostBuffer().load(rows), 15), 0.0);
    double[] expected = new double[12];
    for (int r = 0; r < 6; r++) {
      expected[2 * r] = 10 * r + 1;
      expected[2 * r + 1] = 10 * r + 2;
    }
    assertArrayEquals(expected, Arrays.copyOf(new HostBuffer().load(columns), 12), 0.0);
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void store_intoViewOfLargerArray_writesTheViewOnly(char order) {
    INDArray matrix = Nd4j.zeros(DataType.FLOAT, 5, 4).dup(order);
    INDArray middle = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
    HostBuffer buffer = new HostBuffer();
    double[] values = buffer.reserve(8);
    for (int i = 0; i < 8; i++) {
      values[i] = i + 1;
    }
    buffer.store(middle);
    assertEquals(36.0, matrix.sumNumber().doubleValue(), 0.0);
    assertArrayEquals(new double[] {1, 2, 3, 4}, matrix.getRow(1).toDoubleVector(), 0.0);
    assertArrayEquals(new double[] {5, 6, 7, 8}, matrix.getRow(2).toDoubleVector(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void store_intoRowVectorViewEitherOrder_writesInSequence(char order) {
    INDArray vector = Nd4j.zeros(DataType.FLOAT, 1, 6).dup(order);
    INDArray middle = vector.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5));
    HostBuffer buffer = new HostBuffer();
    double[] values = buffer.reserve(3);
    values[0] = 7;
    values[1] = 8;
    values[2] = 9;
    buffer.store(middle);
    assertArrayEquals(new double[] {0, 0, 7, 8, 9, 0}, vector.toDoubleVector(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void load_columnVectorEitherOrder_copiesInSequence(char order) {
    double[] loaded = new HostBuffer().load(counting(DataType.FLOAT, order, 5, 1));
    assertArrayEquals(new double[] {0, 10, 20, 30, 40}, Arrays.copyOf(loaded, 5), 0.0);
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void store_contiguousMatrixEitherOrder_writesRowMajorValuesInPlace(char order) {
    INDArray matrix = Nd4j.zeros(DataType.FLOAT, 4, 3).dup(order);
    HostBuffer buffer = new HostBuffer();
    double[] values = buffer.reserve(12);
    double[] expected = rowMajor(4, 3, 0);
    System.arraycopy(expected, 0, values, 0, 12);
    buffer.store(matrix);
    assertArrayEquals(expected, matrix.dup('c').reshape(12).toDoubleVector(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void loadAndStore_vectorOfRankOneOrReshaped_copiesInSequence(int rank) {
    INDArray vector = Nd4j.linspace(DataType.FLOAT, 1, 6, 1);
    INDArray target = rank == 1 ? vector : vector.reshape(1, 6);
    HostBuffer buffer = new HostBuffer();
    double[] values = buffer.load(target);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Arrays.copyOf(values, 6), 0.0);
    values[5] = 60;
    buffer.store(target);
    assertEquals(60.0, vector.getDouble(5), 0.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 12})
  void load_smallerAfterLarger_reusesTheArray(int rows) {
    HostBuffer buffer = new HostBuffer();
    double[] first = buffer.load(counting(DataType.DOUBLE, 'c', 12, 3));
    double[] second = buffer.load(counting(DataType.DOUBLE, 'c', rows, 3));
    assertSame(first, second);
  }

  /** Float copies: every type and layout, as {@link #rowMajor} in float. */
  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void loadFloats_floatDoubleAndViews_copiesInRowMajorOrder(char order) {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.FLOAT16}) {
      INDArray matrix = counting(type, order, 6, 5);
      float[] whole = new HostBuffer().loadFloats(matrix);
      assertArrayEquals(floats(rowMajor(6, 5, 0)), Arrays.copyOf(whole, 30), type + " " + order);
      INDArray rows = matrix.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
      float[] view = new HostBuffer().loadFloats(rows);
      assertArrayEquals(floats(rowMajor(3, 5, 2)), Arrays.copyOf(view, 15), type + " view");
    }
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void storeFloats_intoMatrixOrViewEitherOrder_writesRowMajorValues(char order) {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray matrix = Nd4j.zeros(type, 5, 4).dup(order);
      HostBuffer buffer = new HostBuffer();
      float[] values = buffer.reserveFloats(20);
      for (int i = 0; i < 20; i++) {
        values[i] = i + 1;
      }
      buffer.storeFloats(matrix);
      assertEquals(8.0, matrix.getDouble(1, 3), 0.0, type + " " + order);
      INDArray middle = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
      buffer.storeFloats(middle);
      assertArrayEquals(new double[] {1, 2, 3, 4}, matrix.getRow(1).toDoubleVector(), 0.0);
      assertArrayEquals(new double[] {13, 14, 15, 16}, matrix.getRow(3).toDoubleVector(), 0.0);
    }
  }

  private static float[] floats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(chars = {'c', 'f'})
  void rowMajorFloats_onlyRowMajorFloat32_viewsItsMemory(char order) {
    INDArray floats = counting(DataType.FLOAT, order, 4, 3);
    java.nio.FloatBuffer view = HostBuffer.rowMajorFloats(floats);

    if (order == 'f') {
      assertEquals(null, view);
      return;
    }
    float[] read = new float[12];
    view.get(0, read);
    for (int i = 0; i < 12; i++) {
      assertEquals(rowMajor(4, 3, 0)[i], read[i], 0.0, "element " + i);
    }
    view.put(5, -1f);
    assertEquals(-1.0, floats.getDouble(1, 2), 0.0);
    assertEquals(null, HostBuffer.rowMajorFloats(counting(DataType.DOUBLE, 'c', 4, 3)));
  }
}
