/**
 * File formats read and written by the harness, below every dataset and model: NumPy {@code .npy} (and its dict
 * form), and {@code torch.save} checkpoints through a small pickle interpreter that never runs code named in a file.
 * Each reader reports a bad file as one located {@link org.entropyharness.format.DataFormatException}.
 */
package org.entropyharness.format;
