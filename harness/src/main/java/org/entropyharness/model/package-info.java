/**
 * Models: CIFAR classifiers on DJL and the PyTorch checkpoint reader.
 *
 * <p>{@link org.entropyharness.model.TorchCheckpoint} reads {@code torch.save} files (legacy stream and zip) with a
 * small pickle interpreter that never runs code named in a file. {@link org.entropyharness.model.CifarResNet} is
 * the option-A CIFAR ResNet as functional NDArray operations; its BatchNorm affine parameters are passed in as one
 * flat vector so test-time adaptation can own, differentiate and reset them. {@link
 * org.entropyharness.model.CifarInput} normalises uint8 images as torchvision does.
 */
package org.entropyharness.model;
