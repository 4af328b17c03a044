package io.zenapi.zendesk.specbuild.rules;

import java.util.Map;

/** One named fix applied to the merged spec. Rules are idempotent: a second run changes nothing. */
public interface NormalisationRule {
  /** A short name, e.g. {@code IntegersAre64Bit}; printed in the merge log. */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Applies the fix to {@code spec} in place.
   *
   * @return how many places were changed
   */
  int apply(Map<String, Object> spec);
}
