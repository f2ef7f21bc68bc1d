/** The TTA family's cell runner: corrupted images, a CIFAR ResNet, an adaptation method, metrics per shift. */
package org.entropyharness.run.tta;
