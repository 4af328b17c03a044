package io.zenapi.zendesk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A model's explicit nulls: the small set behaves like an insertion-ordered set under any mix of changes. */
class NameSetTest {
  @Test
  void behavesLikeALinkedHashSetUnderRandomAddsAndRemoves() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      NameSet names = new NameSet();
      Set<String> expected = new LinkedHashSet<>();
      for (int step = 0; step < 40; step++) {
        String name = "n" + random.nextInt(12);
        if (random.nextInt(3) == 0) {
          assertEquals(expected.remove(name), names.remove(name));
        } else {
          assertEquals(expected.add(name), names.add(name));
        }
        assertEquals(new ArrayList<>(expected), new ArrayList<>(names), "round " + round + " step " + step);
        assertEquals(expected.size(), names.size());
      }
    }
  }

  @Test
  void theIteratorRemovesTheNameItReturnedAndRefusesNull() {
    NameSet names = new NameSet();
    List.of("a", "b", "c", "d", "e").forEach(names::add);
    for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
      if (Set.of("a", "c", "e").contains(it.next())) {
        it.remove();
      }
    }
    assertEquals(List.of("b", "d"), new ArrayList<>(names));
    assertFalse(names.contains("a"));
    assertTrue(names.contains("d"));
    assertThrows(IllegalArgumentException.class, () -> names.add(null));
  }
}
