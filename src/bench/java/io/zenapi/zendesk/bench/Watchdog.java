package io.zenapi.zendesk.bench;

/** Ends the JVM after a time limit, whatever its threads do: no benchmark JVM can hang. */
final class Watchdog {
  private Watchdog() {}

  static void start(long seconds, String what) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(seconds * 1000);
      } catch (InterruptedException e) {
        return;
      }
      System.err.println("watchdog: " + what + " still running after " + seconds + " s; ending the JVM");
      Runtime.getRuntime().halt(3);
    }, "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
