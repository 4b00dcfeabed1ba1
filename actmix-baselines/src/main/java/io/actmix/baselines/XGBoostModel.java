package io.actmix.baselines;

import io.actmix.experiments.data.Task;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * XGBoost on the networks' encoded {@link DataSet}s: the conversion to a {@link DMatrix}, training
 * and prediction in the networks' output format.
 */
public final class XGBoostModel {

  private XGBoostModel() {}

  /** The features of {@code data}, row after row, as XGBoost reads a dense matrix. */
  static float[] features(DataSet data) {
    return data.getFeatures().castTo(DataType.FLOAT).dup('c').data().asFloat();
  }

  /**
   * The target of every row: the standardized target for regression, the class index (0 or 1) for
   * classification, whose labels are one-hot in {@code data}.
   */
  static float[] labels(DataSet data, Task task) {
    INDArray labels = data.getLabels();
    INDArray target = task == Task.REGRESSION ? labels.getColumn(0) : labels.argMax(1);
    return target.castTo(DataType.FLOAT).data().asFloat();
  }

  /** A dense {@link DMatrix} of {@code data}, with its labels. */
  public static DMatrix matrix(DataSet data, Task task) {
    try {
      DMatrix matrix =
          new DMatrix(
              features(data), data.getFeatures().rows(), data.getFeatures().columns(), Float.NaN);
      matrix.setLabel(labels(data, task));
      return matrix;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not build a DMatrix: " + e.getMessage(), e);
    }
  }

  /** Trains a booster on {@code train}, printing nothing (no watches). */
  public static Booster fit(DataSet train, Task task, XGBoostSettings settings) {
    DMatrix matrix = matrix(train, task);
    try {
      return XGBoost.train(
          matrix, settings.parameters(task), settings.rounds(), Map.of(), null, null);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      matrix.dispose();
    }
  }

  /**
   * Predictions in the networks' output format: [rows, 1] standardized targets for regression,
   * [rows, 2] class probabilities for classification.
   */
  public static INDArray predict(Booster booster, DataSet data, Task task) {
    DMatrix matrix = matrix(data, task);
    try {
      float[][] predicted = booster.predict(matrix);
      double[][] output = new double[predicted.length][task == Task.REGRESSION ? 1 : 2];
      for (int i = 0; i < predicted.length; i++) {
        if (task == Task.REGRESSION) {
          output[i][0] = predicted[i][0];
        } else {
          output[i][1] = predicted[i][0];
          output[i][0] = 1 - output[i][1];
        }
      }
      return Nd4j.create(output);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    } finally {
      matrix.dispose();
    }
  }
}
