package io.actmix.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.actmix.experiments.data.DatasetFiles;
import io.actmix.experiments.data.Preprocessing;
import io.actmix.experiments.data.RawTable;
import io.actmix.experiments.data.Task;
import io.actmix.experiments.data.UciDataset;
import java.nio.file.Path;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** XGBoost on a slice of power_plant: conversion, training, and a saved booster. */
@Tag("integration")
class XGBoostModelTest {

  private static DataSet train;
  private static DataSet test;

  @TempDir Path directory;

  @BeforeAll
  static void slice() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    // Found as the commands find it; without it, the experiments module's tests stop the build
    // first with the advice (its SharedData), so this module never runs without data.
    RawTable table =
        DatasetFiles.standard(null, System.getenv(), line -> {}).load(UciDataset.POWER_PLANT);
    int[] trainRows = IntStream.range(0, 600).toArray();
    int[] testRows = IntStream.range(600, 800).toArray();
    Preprocessing preprocessing = Preprocessing.fit(table, trainRows);
    train = preprocessing.apply(table, trainRows);
    test = preprocessing.apply(table, testRows);
  }

  @Test
  void matrix_dataSet_keepsRowsColumnsFeaturesAndLabels() throws Exception {
    DMatrix matrix = XGBoostModel.matrix(train, Task.REGRESSION);

    assertEquals(600L, matrix.rowNum());
    assertArrayEquals(train.getLabels().reshape(-1).toFloatVector(), matrix.getLabel());
    assertArrayEquals(
        train.getFeatures().getRow(1).toFloatVector(),
        java.util.Arrays.copyOfRange(XGBoostModel.features(train), 4, 8));
    matrix.dispose();
  }

  @Test
  void predict_savedAndReloadedBooster_givesIdenticalPredictions() throws Exception {
    XGBoostSettings settings = new XGBoostSettings(50, 0.05, 6, 1, 1192);
    Booster booster = XGBoostModel.fit(train, Task.REGRESSION, settings);
    Path file = directory.resolve("booster.json");
    booster.saveModel(file.toString());

    Booster reloaded = XGBoost.loadModel(file.toString());

    assertArrayEquals(
        XGBoostModel.predict(booster, test, Task.REGRESSION).toDoubleVector(),
        XGBoostModel.predict(reloaded, test, Task.REGRESSION).toDoubleVector());
  }
}
