package io.zenapi.zendesk.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A small insertion-ordered set of names backed by an array: the explicit nulls of a model, a handful at most. A
 * model read from a page holds one of these per object with a {@code null} member, so it is kept lean (a hash set
 * would cost several hundred bytes per ticket).
 */
public final class NameSet extends AbstractSet<String> {
  private static final String[] NONE = {};
  /** The first name apart: most objects have one explicit null at most, and then no array is needed. */
  private String first;
  private String[] rest = NONE;
  private int size;

  private String at(int i) {
    return i == 0 ? first : rest[i - 1];
  }

  private void set(int i, String name) {
    if (i == 0) {
      first = name;
    } else {
      rest[i - 1] = name;
    }
  }

  @Override
  public boolean add(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a name must not be null");
    }
    if (contains(name)) {
      return false;
    }
    if (size > rest.length) {
      rest = Arrays.copyOf(rest, Math.max(3, rest.length * 2));
    }
    set(size++, name);
    return true;
  }

  @Override
  public boolean contains(Object o) {
    for (int i = 0; i < size; i++) {
      if (at(i).equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean remove(Object o) {
    for (int i = 0; i < size; i++) {
      if (at(i).equals(o)) {
        for (int j = i; j < size - 1; j++) {
          set(j, at(j + 1));
        }
        set(--size, null);
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;
      private boolean removable;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public String next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        removable = true;
        return at(next++);
      }

      @Override
      public void remove() {
        if (!removable) {
          throw new IllegalStateException();
        }
        NameSet.this.remove(at(--next));
        removable = false;
      }
    };
  }
}
