package org.entropyharness.lm.openai;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A lazily started pool of daemon threads that maps requests to results in order. */
final class ParallelRequests implements AutoCloseable {
  /** A function that may fail with an IOException. */
  interface IoFunction<T, R> {
    R apply(T t) throws IOException;
  }

  private final int threads;
  private ExecutorService pool;

  ParallelRequests(int threads) {
    this.threads = threads;
  }

  <T, R> List<R> map(List<T> items, IoFunction<T, R> f) throws IOException {
    ExecutorService p = pool();
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(p.submit(() -> f.apply(item)));
    }
    List<R> out = new ArrayList<>(items.size());
    try {
      for (Future<R> fu : futures) {
        out.add(fu.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(fu -> fu.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for generations");
    } catch (ExecutionException e) {
      futures.forEach(fu -> fu.cancel(true));
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
    return out;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger count = new AtomicInteger();
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "openai-request-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }
}
