/** Models: CIFAR classifiers on DJL and the PyTorch checkpoint reader. */
package org.entropyharness.model;
