package io.actmix.experiments.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NativeRuntime#skipPhysicalMemoryCheck} sets JavaCPP's limit to 0 only when unset. */
class NativeRuntimeTest {

  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(NativeRuntime.MAX_PHYSICAL_BYTES);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(NativeRuntime.MAX_PHYSICAL_BYTES);
    } else {
      System.setProperty(NativeRuntime.MAX_PHYSICAL_BYTES, saved);
    }
  }

  @Test
  void skipPhysicalMemoryCheck_unset_setsZero() {
    System.clearProperty(NativeRuntime.MAX_PHYSICAL_BYTES);
    NativeRuntime.skipPhysicalMemoryCheck();
    assertEquals("0", System.getProperty(NativeRuntime.MAX_PHYSICAL_BYTES));
  }

  @Test
  void skipPhysicalMemoryCheck_userValue_isKept() {
    System.setProperty(NativeRuntime.MAX_PHYSICAL_BYTES, "8g");
    NativeRuntime.skipPhysicalMemoryCheck();
    assertEquals("8g", System.getProperty(NativeRuntime.MAX_PHYSICAL_BYTES));
  }
}
