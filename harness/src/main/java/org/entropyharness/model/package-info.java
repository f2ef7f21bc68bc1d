/**
 * CIFAR classifiers on DJL. {@link org.entropyharness.model.AdaptableClassifier} is what test-time adaptation
 * methods see of a network: the BatchNorm affine parameters as one flat vector they own, differentiate and reset,
 * and the forward passes they need. {@link org.entropyharness.model.CifarResNet} implements it: the option-A CIFAR
 * ResNet as functional NDArray operations, built from a checkpoint read by {@code format.TorchCheckpoint}. {@link
 * org.entropyharness.model.CifarInput} normalises uint8 images as torchvision does. Images and convolution weights are
 * held channels-last ({@code ChannelsLast}), the layout oneDNN convolves without reordering.
 */
package org.entropyharness.model;
