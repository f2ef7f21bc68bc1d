/**
 * CIFAR classifiers on DJL. {@link org.entropyharness.model.CifarResNet} is the option-A CIFAR ResNet as functional
 * NDArray operations, built from a checkpoint read by {@code format.TorchCheckpoint}; its BatchNorm affine parameters
 * are passed in as one flat vector so test-time adaptation can own, differentiate and reset them. {@link
 * org.entropyharness.model.CifarInput} normalises uint8 images as torchvision does. Images and convolution weights are
 * held channels-last ({@code ChannelsLast}), the layout oneDNN convolves without reordering.
 */
package org.entropyharness.model;
