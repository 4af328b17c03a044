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
  private String[] names = new String[4];
  private int size;

  @Override
  public boolean add(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a name must not be null");
    }
    if (contains(name)) {
      return false;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size++] = name;
    return true;
  }

  @Override
  public boolean contains(Object o) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean remove(Object o) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(o)) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        names[--size] = null;
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
        return names[next++];
      }

      @Override
      public void remove() {
        if (!removable) {
          throw new IllegalStateException();
        }
        NameSet.this.remove(names[--next]);
        removable = false;
      }
    };
  }
}
