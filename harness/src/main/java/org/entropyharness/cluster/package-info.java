/**
 * Running a suite across a cluster: the job scripts of a Slurm job array (one task per shard) and of the job that
 * merges, gates and files the shards, their layout on the shared filesystem, and submission through {@code sbatch}.
 */
package org.entropyharness.cluster;
