package org.entropyharness.lm.embedded;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that runs the second half of a batch's rows while the caller runs the first. Decode steps come
 * back to back a few hundred microseconds apart, and waking a parked thread costs a good share of that (up to
 * milliseconds on a virtual machine whose idle vCPU has halted: measured 650 µs on average on the 2-core development VM,
 * for one wake in twenty), so both sides spin for {@link #SPIN_NANOS} before parking, as OpenMP runtimes do (Intel's
 * spins 200 ms by default). A burst of decoding thus keeps one core busy for up to that long after its last step.
 * Shared by every model in the JVM: a caller that finds it busy runs both halves itself.
 */
final class SecondCore {
  /** Work on rows {@code [from, to)} of a batch. */
  interface Rows {
    void run(int from, int to);
  }

  /** How long either side spins for the other before parking: longer than a prompt's prefill between two steps. */
  private static final long SPIN_NANOS = 5_000_000;
  private static final boolean AVAILABLE = Runtime.getRuntime().availableProcessors() >= 2;
  private static final AtomicBoolean BUSY = new AtomicBoolean();
  private static final AtomicReference<Job> PENDING = new AtomicReference<>();
  private static final Thread WORKER = AVAILABLE ? start() : null;

  private SecondCore() {}

  /** Runs {@code work} on the two halves of {@code rows} rows ({@link #splitPoint}), one per core. */
  static void splitRows(int rows, Rows work) {
    int split = splitPoint(rows);
    if (split == 0) {
      work.run(0, rows);
    } else {
      runBoth(() -> work.run(0, split), () -> work.run(split, rows));
    }
  }

  /** Where to cut a batch of {@code rows} (0: not at all); halves in multiples of 4 rows when there are enough. */
  static int splitPoint(int rows) {
    if (rows < 2) {
      return 0;
    }
    int half = (rows + 1) / 2;
    int four = (half + 3) / 4 * 4;
    return four < rows ? four : half;
  }

  /** Runs {@code first} here and {@code second} on the other core when it is free, and returns when both are done. */
  static void runBoth(Runnable first, Runnable second) {
    if (!AVAILABLE || !BUSY.compareAndSet(false, true)) {
      first.run();
      second.run();
      return;
    }
    Job job = new Job(second, Thread.currentThread());
    PENDING.set(job);
    LockSupport.unpark(WORKER);
    try {
      first.run();
    } finally {
      job.await();
    }
    if (job.error instanceof RuntimeException e) {
      throw e;
    } else if (job.error instanceof Error e) {
      throw e;
    }
  }

  private static Thread start() {
    Thread thread = new Thread(SecondCore::work, "embedded-model-second-core");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void work() {
    while (true) {
      Job job = PENDING.getAndSet(null);
      if (job == null) {
        job = spinForJob();
      }
      if (job == null) {
        LockSupport.park(SecondCore.class);
        continue;
      }
      try {
        job.task.run();
      } catch (Throwable t) {
        job.error = t;
      } finally {
        BUSY.set(false);
        job.done = true;
        LockSupport.unpark(job.caller);
      }
    }
  }

  private static Job spinForJob() {
    long until = System.nanoTime() + SPIN_NANOS;
    while (System.nanoTime() < until) {
      Job job = PENDING.getAndSet(null);
      if (job != null) {
        return job;
      }
      Thread.onSpinWait();
    }
    return null;
  }

  private static final class Job {
    final Runnable task;
    final Thread caller;
    volatile boolean done;
    volatile Throwable error;

    Job(Runnable task, Thread caller) {
      this.task = task;
      this.caller = caller;
    }

    void await() {
      long until = System.nanoTime() + SPIN_NANOS;
      while (!done && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      while (!done) {
        LockSupport.park(this);
      }
    }
  }
}
