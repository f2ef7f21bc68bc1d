package org.entropyharness.suite;

import java.util.List;

/**
 * Cells whose results a group metric is computed over: the checkpoints of a series (the entropy–accuracy law), or
 * the seeds of a model and method (mean and spread). A group's rows are stored under its own id, and gates can read
 * them like a cell's.
 */
public sealed interface CellGroup permits SeriesCell, SeedGroup {

  /** The id its rows are stored under. */
  String id();

  SuiteSpec suite();

  MethodSpec method();

  /** The cells it is computed over, in order. */
  List<CellSpec> cells();
}
