package org.entropyharness.run.tta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entropyharness.data.CifarBinaryReader;
import org.entropyharness.data.CifarCReader;
import org.entropyharness.data.ImageBatch;
import org.entropyharness.data.ShippedData;
import org.entropyharness.data.corrupt.Corruption;
import org.entropyharness.data.corrupt.Corruptions;
import org.entropyharness.run.HarnessPaths;
import org.entropyharness.store.Fingerprint;
import org.entropyharness.suite.Params;
import org.entropyharness.suite.SuiteException;

/** The dataset section of a TTA suite, bound and checked: where the images come from and which shifts to run. */
final class TtaData {
  /** Bump when the corruption generator's output changes, so fingerprints of generated data change with it. */
  static final String GENERATOR_VERSION = "corruptions-1";

  private final Params section;
  private final String name;
  private final boolean generated;
  private final Path base;
  private final Path clean;
  private final List<Corruption> corruptions;
  private final List<Long> severities;
  private final int limit;
  private final long seed;
  private final int cleanTestLimit;
  private List<TtaSlice> slices;

  TtaData(Params section) {
    this.section = section;
    this.name = section.string("name", "cifar10-c");
    this.generated = section.string("source", "generated").equals("generated");
    if (!generated && name.equals("cifar10")) {
      throw section.error("source", "the clean test set is read from 'base'; use source: generated with name: cifar10");
    }
    this.base = generated ? section.existingPath("base") : section.existingPath("npy");
    this.clean = section.has("clean") ? section.existingPath("clean") : HarnessPaths.fromEnvironment().root().resolve("datasets/cifar10/train_first2000.bin");
    this.corruptions = corruptions(section);
    this.severities = section.integers("severities", List.of(5L));
    this.limit = (int) section.integer("limit", 10_000);
    this.seed = section.integer("seed", 1);
    this.cleanTestLimit = (int) section.integer("clean-test-limit", 10_000);
  }

  /** True when every severity 1-5 is listed (the gradual stream passes them all). */
  boolean hasAllSeverities() {
    return new java.util.HashSet<>(severities).containsAll(List.of(1L, 2L, 3L, 4L, 5L));
  }

  /**
   * The clean CIFAR-10 test images the forgetting probe classifies: {@code clean-test}, or the generator's
   * {@code base} (the clean test set the corruptions are made from).
   */
  Path cleanTestPath() {
    if (section.has("clean-test")) {
      return section.existingPath("clean-test");
    }
    if (!generated) {
      throw section.error("source", "metric clean-error-after needs clean test images; set dataset.clean-test to "
          + "a CIFAR-10 test binary");
    }
    return base;
  }

  /** The first {@code clean-test-limit} clean test images, ids prefixed {@code clean/}. */
  ImageBatch cleanTest() throws IOException {
    ImageBatch images = CifarBinaryReader.read(ShippedData.verifyIfListed(cleanTestPath()), cleanTestLimit);
    List<String> ids = images.ids().stream().map(id -> "clean/" + id).toList();
    return new ImageBatch(images.height(), images.width(), images.pixels(), images.labels(), ids);
  }

  /** How many clean test images the probe reads (the file may hold fewer). */
  int cleanTestLimit() {
    return cleanTestLimit;
  }

  private static List<Corruption> corruptions(Params section) {
    List<String> names = section.strings("corruptions", List.of("all"));
    if (names.equals(List.of("all"))) {
      return Arrays.asList(Corruption.values());
    }
    List<Corruption> out = new ArrayList<>();
    for (String n : names) {
      try {
        out.add(Corruption.parse(n));
      } catch (IllegalArgumentException e) {
        throw section.error("corruptions", e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Hash of what the images are: the base file's content and the generator's parameters, or the content of the
   * CIFAR-10-C files read.
   */
  String contentHash() throws IOException {
    StringBuilder content = new StringBuilder();
    if (generated) {
      content.append(ShippedData.sha256(base)).append('|').append(GENERATOR_VERSION).append('|').append(seed);
    } else {
      content.append(ShippedData.sha256(base.resolve("labels.npy")));
      for (Corruption c : corruptions) {
        content.append('|').append(ShippedData.sha256(base.resolve(c.id() + ".npy")));
      }
    }
    return Fingerprint.sha256(String.join("|", name, content, corruptions.toString(), severities.toString(),
        Integer.toString(limit)));
  }

  /** The names {@link #slices} will have, without reading an image (for checking the slices gates name). */
  List<String> sliceNames() {
    if (name.equals("cifar10")) {
      return List.of("clean");
    }
    List<String> names = new ArrayList<>();
    for (Corruption c : corruptions) {
      for (long s : severities) {
        names.add(c.id() + "/" + s);
      }
    }
    return names;
  }

  /** The shifts in order: each corruption at each severity (or the clean images for {@code cifar10}). */
  synchronized List<TtaSlice> slices() throws IOException {
    if (slices == null) {
      List<TtaSlice> out = new ArrayList<>();
      ImageBatch images = generated ? CifarBinaryReader.read(ShippedData.verifyIfListed(base), limit) : null;
      if (name.equals("cifar10")) {
        out.add(new TtaSlice("clean", images));
      } else {
        for (Corruption c : corruptions) {
          for (long s : severities) {
            ImageBatch shifted = generated
                ? Corruptions.apply(images, c, (int) s, seed)
                : CifarCReader.read(base, c.id(), (int) s, limit);
            out.add(new TtaSlice(c.id() + "/" + s, shifted));
          }
        }
      }
      slices = List.copyOf(out);
    }
    return slices;
  }

  /** Clean training images for methods that estimate something on clean data (EATA's Fisher information). */
  ImageBatch cleanImages() throws IOException {
    try {
      return CifarBinaryReader.read(ShippedData.verifyIfListed(clean), 0);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SuiteException(section.position("name"), "clean: " + clean + " does not exist; set dataset.clean to a CIFAR binary of clean training images");
    }
  }

  String name() {
    return name;
  }
}
