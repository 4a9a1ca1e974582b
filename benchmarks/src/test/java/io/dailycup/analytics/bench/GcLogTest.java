package io.dailycup.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

  @Test
  void peakUseIsTheFullestHeapBeforeAnyCollectionOrAtExit(@TempDir Path directory)
      throws Exception {
    Path log = directory.resolve("gc.log");
    Files.writeString(
        log,
        """
        [0.003s][info][gc] Using G1
        [0.576s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23M->4M(128M) 6.894ms
        [0.901s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 41M->9M(128M) 3.1ms
        [1.606s][info][gc,heap,exit] Heap
        [1.606s][info][gc,heap,exit]  garbage-first heap   total 131072K, used 30720K [0x0, 0x1)
        [1.606s][info][gc,heap,exit]  Metaspace       used 2918K, committed 3072K, reserved 1114112K
        """);

    GcLog heap = GcLog.read(log);

    assertThat(heap.peakUsedBytes()).isEqualTo(41L << 20);
    assertThat(heap.peakLiveBytes()).isEqualTo(9L << 20);
    assertThat(heap.capacityBytes()).isEqualTo(128L << 20);
  }

  @Test
  void aRunWithoutCollectionsPeaksAtItsUseAtExit(@TempDir Path directory) throws Exception {
    Path log = directory.resolve("gc.log");
    Files.writeString(
        log,
        """
        [0.789s][info][gc,heap,exit]  garbage-first heap   total 131072K, used 6808K [0x0, 0x1)
        """);

    assertThat(GcLog.read(log).peakUsedBytes()).isEqualTo(6808L * 1024);
  }
}
