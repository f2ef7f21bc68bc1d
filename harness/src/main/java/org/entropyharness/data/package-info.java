/** Datasets: CIFAR binary, CIFAR-10-C, image folders, JSONL problems, the corruption generator and the shipped-data manifest. */
package org.entropyharness.data;
