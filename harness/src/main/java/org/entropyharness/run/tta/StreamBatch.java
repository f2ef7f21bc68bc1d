package org.entropyharness.run.tta;

import java.util.ArrayList;
import java.util.List;
import org.entropyharness.data.ImageBatch;

/**
 * One test batch cut from a stream segment: the images (copied together from their slices) and the slice each
 * came from.
 *
 * @param images the batch; ids carry {@code #<visit>} when a shift is seen again (gradual)
 * @param sliceNames the slice of each image
 */
record StreamBatch(ImageBatch images, List<String> sliceNames) {

  /** Items {@code [from, to)} of {@code segment}. */
  static StreamBatch cut(List<TtaSlice> slices, StreamPlan.Segment segment, int from, int to) {
    ImageBatch first = slices.get(segment.slice()[from]).images();
    int bytes = first.imageBytes();
    byte[] pixels = new byte[(to - from) * bytes];
    int[] labels = new int[to - from];
    List<String> ids = new ArrayList<>(to - from);
    List<String> names = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      TtaSlice slice = slices.get(segment.slice()[i]);
      ImageBatch source = slice.images();
      int index = segment.index()[i];
      System.arraycopy(source.pixels(), index * bytes, pixels, (i - from) * bytes, bytes);
      labels[i - from] = source.labels()[index];
      String id = source.ids().get(index);
      ids.add(segment.visit() == 0 ? id : id + "#" + (segment.visit() + 1));
      names.add(slice.name());
    }
    return new StreamBatch(new ImageBatch(first.height(), first.width(), pixels, labels, ids), List.copyOf(names));
  }

  /** The one slice every image comes from, or null when the batch mixes slices. */
  String singleSlice() {
    String name = sliceNames.get(0);
    for (String other : sliceNames) {
      if (!other.equals(name)) {
        return null;
      }
    }
    return name;
  }
}
