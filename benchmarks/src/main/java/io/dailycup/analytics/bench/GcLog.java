package io.dailycup.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM's {@code -Xlog:gc,gc+heap+exit} file. The heap only fills between
 * collections, so its peak use is the largest "before" of any collection, or the use at exit when
 * that is larger.
 */
record GcLog(long peakUsedBytes, long peakLiveBytes, long capacityBytes) {

  /** The JVM option that writes the file {@link #read} understands, without rotating it. */
  static String option(Path file) {
    return "-Xlog:gc,gc+heap+exit:file=" + file + "::filecount=0";
  }

  /** "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 23M->4M(128M) 3.1ms": before, after. */
  private static final Pattern PAUSE =
      Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /** One generation or the whole heap at exit: "total 131072K, used 6808K". */
  private static final Pattern AT_EXIT = Pattern.compile("total (\\d+)K, used (\\d+)K");

  static GcLog read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    long peakUsed = 0;
    long peakLive = 0;
    long capacity = 0;
    for (String line : lines) {
      Matcher pause = PAUSE.matcher(line);
      if (pause.find()) {
        peakUsed = Math.max(peakUsed, bytes(pause.group(1), pause.group(2)));
        peakLive = Math.max(peakLive, bytes(pause.group(3), pause.group(4)));
        capacity = Math.max(capacity, bytes(pause.group(5), pause.group(6)));
      }
    }
    long usedAtExit = 0;
    long totalAtExit = 0;
    for (String line : lines) {
      Matcher exit = AT_EXIT.matcher(line);
      if (line.contains("gc,heap,exit") && exit.find()) {
        totalAtExit += Long.parseLong(exit.group(1)) * 1024;
        usedAtExit += Long.parseLong(exit.group(2)) * 1024;
      }
    }
    return new GcLog(Math.max(peakUsed, usedAtExit), peakLive, Math.max(capacity, totalAtExit));
  }

  private static long bytes(String amount, String unit) {
    long value = Long.parseLong(amount);
    return switch (unit) {
      case "K" -> value << 10;
      case "M" -> value << 20;
      default -> value << 30;
    };
  }
}
