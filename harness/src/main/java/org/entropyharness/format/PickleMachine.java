package org.entropyharness.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entropyharness.guard.Limits;

/**
 * The subset of the pickle virtual machine that {@code torch.save} emits for state dicts (protocol 2, with the
 * protocol-4 short forms accepted). Globals are not imported: a {@link Global} stands for the named callable, and
 * {@link #reduce} decides what calling it yields, so no code named in a file is ever run.
 */
final class PickleMachine {
  /** A {@code module name} reference pushed by GLOBAL. */
  record Global(String module, String name) {
    String qualified() {
      return module + "." + name;
    }
  }

  /** A Python tuple (immutable list). */
  record Tuple(List<Object> items) {}

  /** A call {@code callable(*args)} that the reader does not interpret. */
  record Call(Global callable, Tuple args) {}

  private static final Object MARK = new Object();
  private static final int MAX_NAME = 1024;

  private final String source;
  private final ByteBuffer in;
  private final Function<Object, Object> persistentLoad;
  private final List<Object> stack = new ArrayList<>();
  private final Map<Integer, Object> memo = new HashMap<>();

  /**
   * @param source file name used in error messages
   * @param in bytes positioned at the start of a pickle; left positioned after its STOP
   * @param persistentLoad resolves BINPERSID ids
   */
  PickleMachine(String source, ByteBuffer in, Function<Object, Object> persistentLoad) {
    this.source = source;
    this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    this.persistentLoad = persistentLoad;
  }

  /** Runs until STOP and returns the unpickled object. */
  Object load() throws DataFormatException {
    while (true) {
      if (!in.hasRemaining()) {
        throw error(in.position(), "pickle ends without STOP", "the file is truncated; save it again");
      }
      int at = in.position();
      int op = in.get() & 0xff;
      if (op == '.') {
        return pop(at);
      }
      try {
        execute(op, at);
      } catch (java.nio.BufferUnderflowException e) {
        throw error(at, "the pickle ends inside opcode 0x" + Integer.toHexString(op), "the file is truncated; save it"
            + " again");
      } catch (RuntimeException e) {
        // a persistent id or a value of the wrong kind: the reader's own checks say which in their message
        String why = e instanceof IllegalArgumentException && e.getMessage() != null ? ": " + e.getMessage() : "";
        throw error(at, "malformed pickle at opcode 0x" + Integer.toHexString(op) + why,
            "the file is corrupt; save it again with torch.save");
      }
      if (stack.size() > Limits.PICKLE_ENTRIES || memo.size() > Limits.PICKLE_ENTRIES) {
        throw error(at, "more than " + Limits.PICKLE_ENTRIES + " values on the pickle stack or in its memo",
            "a state dict needs a few thousand; the file is not a checkpoint");
      }
    }
  }

  private void execute(int op, int at) throws DataFormatException {
    switch (op) {
      case 0x80 -> in.get(); // PROTO: version byte, nothing to do
      case '}' -> stack.add(new LinkedHashMap<>());
      case ']' -> stack.add(new ArrayList<>());
      case ')' -> stack.add(new Tuple(List.of()));
      case '(' -> stack.add(MARK);
      case 'N' -> stack.add(null);
      case 0x88 -> stack.add(Boolean.TRUE);
      case 0x89 -> stack.add(Boolean.FALSE);
      case 'K' -> stack.add((long) (in.get() & 0xff));
      case 'M' -> stack.add((long) (in.getShort() & 0xffff));
      case 'J' -> stack.add((long) in.getInt());
      case 0x8a -> stack.add(readLong1());
      case 'G' -> stack.add(Double.longBitsToDouble(Long.reverseBytes(in.getLong())));
      case 'X' -> stack.add(readString(in.getInt()));
      case 0x8c -> stack.add(readString(in.get() & 0xff));
      case 'c' -> stack.add(new Global(readLine(), readLine()));
      case 'q' -> memo.put(in.get() & 0xff, peek(at));
      case 'r' -> memo.put(in.getInt(), peek(at));
      case 0x94 -> memo.put(memo.size(), peek(at));
      case 'h' -> stack.add(memoGet(in.get() & 0xff, at));
      case 'j' -> stack.add(memoGet(in.getInt(), at));
      case 't' -> stack.add(new Tuple(popMark(at)));
      case 0x85 -> stack.add(tupleOf(1, at));
      case 0x86 -> stack.add(tupleOf(2, at));
      case 0x87 -> stack.add(tupleOf(3, at));
      case 'Q' -> stack.add(persistentLoad.apply(pop(at)));
      case 'R' -> reduceTop(at);
      case 's' -> setItem(at);
      case 'u' -> setItems(popMark(at), at);
      case 'a' -> appendItems(java.util.Arrays.asList(pop(at)), at);
      case 'e' -> appendItems(popMark(at), at);
      case 'b' -> pop(at); // BUILD: state of an OrderedDict (e.g. _metadata) carries no tensors
      default -> throw error(at, "unsupported pickle opcode 0x" + Integer.toHexString(op),
          "save the checkpoint with torch.save (protocol 2) of a plain state dict");
    }
  }

  private Object readLong1() {
    int n = in.get() & 0xff;
    byte[] le = new byte[n];
    in.get(le);
    byte[] be = new byte[n + 1];
    for (int i = 0; i < n; i++) {
      be[n - i] = le[i];
    }
    be[0] = (n > 0 && le[n - 1] < 0) ? (byte) 0xff : 0;
    return new java.math.BigInteger(be);
  }

  private String readString(int length) {
    if (length < 0 || length > in.remaining()) {
      throw new java.nio.BufferUnderflowException();
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private String readLine() {
    StringBuilder line = new StringBuilder();
    for (byte b = in.get(); b != '\n'; b = in.get()) {
      if (line.length() >= MAX_NAME) {
        throw new IllegalArgumentException("a global's name longer than " + MAX_NAME + " characters");
      }
      line.append((char) b);
    }
    return line.toString();
  }

  private Tuple tupleOf(int n, int at) throws DataFormatException {
    List<Object> items = new ArrayList<>(Collections.nCopies(n, null));
    for (int i = n - 1; i >= 0; i--) {
      items.set(i, pop(at));
    }
    return new Tuple(items);
  }

  private void reduceTop(int at) throws DataFormatException {
    Object args = pop(at);
    Object callable = pop(at);
    if (!(callable instanceof Global global) || !(args instanceof Tuple tuple)) {
      throw error(at, "REDUCE expects a global and a tuple", "the file is corrupt; save it again");
    }
    stack.add(reduce(global, tuple));
  }

  /** What calling a global yields: an ordered dict for OrderedDict, else an uninterpreted {@link Call}. */
  private static Object reduce(Global global, Tuple args) {
    if (global.qualified().equals("collections.OrderedDict") && args.items().isEmpty()) {
      return new LinkedHashMap<>();
    }
    return new Call(global, args);
  }

  private void setItem(int at) throws DataFormatException {
    Object value = pop(at);
    Object key = pop(at);
    setItems(java.util.Arrays.asList(key, value), at);
  }

  @SuppressWarnings("unchecked")
  private void setItems(List<Object> items, int at) throws DataFormatException {
    if (!(peek(at) instanceof Map<?, ?> target) || items.size() % 2 != 0) {
      throw error(at, "SETITEMS without a dict or with an odd item count", "the file is corrupt; save it again");
    }
    for (int i = 0; i < items.size(); i += 2) {
      if (!PickleValues.hashable(items.get(i))) {
        throw error(at, "a dict key that is " + PickleValues.describe(items.get(i)) + " (unhashable)",
            "the file is corrupt or not a state dict; save model.state_dict() with torch.save");
      }
      ((Map<Object, Object>) target).put(items.get(i), items.get(i + 1));
    }
  }

  @SuppressWarnings("unchecked")
  private void appendItems(List<Object> items, int at) throws DataFormatException {
    if (!(peek(at) instanceof List<?> target)) {
      throw error(at, "APPENDS without a list", "the file is corrupt; save it again");
    }
    ((List<Object>) target).addAll(items);
  }

  private List<Object> popMark(int at) throws DataFormatException {
    int mark = stack.lastIndexOf(MARK);
    if (mark < 0) {
      throw error(at, "no MARK on the pickle stack", "the file is corrupt; save it again");
    }
    List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
    stack.subList(mark, stack.size()).clear();
    return items;
  }

  private Object memoGet(int key, int at) throws DataFormatException {
    if (!memo.containsKey(key)) {
      throw error(at, "memo key " + key + " used before it was stored", "the file is corrupt; save it again");
    }
    return memo.get(key);
  }

  private Object peek(int at) throws DataFormatException {
    if (stack.isEmpty()) {
      throw error(at, "pickle stack underflow", "the file is corrupt; save it again");
    }
    return stack.get(stack.size() - 1);
  }

  private Object pop(int at) throws DataFormatException {
    Object top = peek(at);
    stack.remove(stack.size() - 1);
    return top;
  }

  private DataFormatException error(int offset, String what, String fix) {
    return new DataFormatException(source + ":1:" + (offset + 1) + ": " + what + "; " + fix);
  }
}
