package io.zenapi.zendesk.internal;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The explicit nulls of a model just read, shared by every model of the class with the same nulls: a page of tickets
 * has a few combinations of null members, so reading one allocates nothing for them. Immutable; a model's
 * {@code explicitNulls()} replaces it with its own {@link NameSet} copy before anything can change it.
 */
public final class SharedNames extends AbstractSet<String> {
  private final String[] names;
  /** The positions of the named fields among the model's, as bits: what the model's adapter looks it up by. */
  final long bits;

  SharedNames(String[] names, long bits) {
    this.names = names;
    this.bits = bits;
  }

  /**
   * A changeable copy, for the one model that is about to change its nulls.
   *
   * @return a new set with the same names
   */
  public NameSet copy() {
    NameSet copy = new NameSet();
    for (String name : names) {
      copy.add(name);
    }
    return copy;
  }

  @Override
  public boolean contains(Object o) {
    for (String name : names) {
      if (name.equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < names.length;
      }

      @Override
      public String next() {
        if (next >= names.length) {
          throw new NoSuchElementException();
        }
        return names[next++];
      }
    };
  }
}
