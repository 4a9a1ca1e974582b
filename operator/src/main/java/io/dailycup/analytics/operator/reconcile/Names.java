package io.dailycup.analytics.operator.reconcile;

import io.dailycup.analytics.operator.model.AnalyticsRefresh;
import java.util.Locale;

/** Small spelling helpers the reconcile steps share. */
final class Names {

  private Names() {}

  /** {@code SUCCEEDED} as {@code Succeeded}: the spelling of status, metrics and audit rows. */
  static String display(Enum<?> value) {
    String name = value.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  /** An annotation of the resource, or null. */
  static String annotation(AnalyticsRefresh refresh, String key) {
    var annotations = refresh.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
