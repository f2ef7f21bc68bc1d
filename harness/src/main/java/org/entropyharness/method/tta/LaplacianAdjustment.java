package org.entropyharness.method.tta;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** LAME's pieces as plain arrays: feature normalisation, the two affinities and the bound-optimisation loop. */
final class LaplacianAdjustment {
  private static final double CONVERGED = 1e-8;

  private LaplacianAdjustment() {}

  /** Rows of {@code dims} values scaled to unit L2 norm (torch's F.normalize, eps 1e-12). */
  static double[][] normalise(float[] features, int dims) {
    double[][] out = new double[features.length / dims][dims];
    for (int i = 0; i < out.length; i++) {
      double norm = 0;
      for (int d = 0; d < dims; d++) {
        norm += (double) features[i * dims + d] * features[i * dims + d];
      }
      double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
      for (int d = 0; d < dims; d++) {
        out[i][d] = features[i * dims + d] * scale;
      }
    }
    return out;
  }

  /** The {@code N × N} affinity of LAME's {@code kNN_affinity} or {@code rbf_affinity}. */
  static double[][] affinity(String kind, double[][] x, int knn) {
    int n = x.length;
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int d = 0; d < x[i].length; d++) {
          double diff = x[i][d] - x[j][d];
          s += diff * diff;
        }
        dist[i][j] = Math.sqrt(s);
      }
    }
    double[][] w = new double[n][n];
    if (kind.equals("knn")) {
      int neighbours = Math.min(knn + 1, n);
      for (int i = 0; i < n; i++) {
        Integer[] nearest = nearest(dist[i]);
        for (int r = 1; r < neighbours; r++) {
          w[i][nearest[r]] = 1;
        }
      }
      return w;
    }
    int k = Math.min(knn, n);
    double sigma = 0;
    for (int i = 0; i < n; i++) {
      sigma += dist[i][nearest(dist[i])[k - 1]] / n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = Math.exp(-dist[i][j] * dist[i][j] / (2 * sigma * sigma));
      }
    }
    return w;
  }

  /** Column indices by increasing distance (ties by index); the point itself comes first. */
  private static Integer[] nearest(double[] row) {
    Integer[] order = IntStream.range(0, row.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> row[j]).thenComparingInt(j -> j));
    return order;
  }

  /** LAME's {@code laplacian_optimization} with bound λ = 1; returns the assignments Y row-major. */
  static float[] solve(float[] logits, int classes, double[][] kernel, int maxSteps) {
    int n = kernel.length;
    double[][] unary = new double[n][classes];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = softmax(logits, i * classes, classes);
      for (int c = 0; c < classes; c++) {
        unary[i][c] = -Math.log(p[c] + 1e-10);
      }
      y[i] = softmaxOfNegated(unary[i], null);
    }
    double old = Double.POSITIVE_INFINITY;
    for (int step = 0; step < maxSteps; step++) {
      double[][] pairwise = new double[n][classes];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (kernel[i][j] != 0) {
            for (int c = 0; c < classes; c++) {
              pairwise[i][c] += kernel[i][j] * y[j][c];
            }
          }
        }
      }
      for (int i = 0; i < n; i++) {
        y[i] = softmaxOfNegated(unary[i], pairwise[i]);
      }
      double energy = energy(y, unary, pairwise);
      if (step > 1 && Math.abs(energy - old) <= CONVERGED * Math.abs(old)) {
        break;
      }
      old = energy;
    }
    float[] out = new float[n * classes];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < classes; c++) {
        out[i * classes + c] = (float) y[i][c];
      }
    }
    return out;
  }

  private static double energy(double[][] y, double[][] unary, double[][] pairwise) {
    double e = 0;
    for (int i = 0; i < y.length; i++) {
      for (int c = 0; c < y[i].length; c++) {
        e += unary[i][c] * y[i][c] - pairwise[i][c] * y[i][c] + y[i][c] * Math.log(Math.max(y[i][c], 1e-20));
      }
    }
    return e;
  }

  /** softmax(−unary + pairwise) of one row (pairwise may be null). */
  private static double[] softmaxOfNegated(double[] unary, double[] pairwise) {
    double[] z = new double[unary.length];
    for (int c = 0; c < z.length; c++) {
      z[c] = -unary[c] + (pairwise == null ? 0 : pairwise[c]);
    }
    return softmax(z);
  }

  /** Softmax of {@code length} values from {@code offset}. */
  static double[] softmax(float[] values, int offset, int length) {
    double[] z = new double[length];
    for (int c = 0; c < length; c++) {
      z[c] = values[offset + c];
    }
    return softmax(z);
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      out[c] = Math.exp(z[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < z.length; c++) {
      out[c] /= sum;
    }
    return out;
  }
}
