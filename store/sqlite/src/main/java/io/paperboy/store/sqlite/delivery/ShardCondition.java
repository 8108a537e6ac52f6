package io.paperboy.store.sqlite.delivery;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.ShardFilter;

/**
 * {@link ShardFilter#admits} as a condition on {@code delivery d}. The numbers are the filter's
 * validated ints, written into the SQL rather than bound, so the statements keep their parameters.
 * A workspace that is not a guild id ({@code @me}, the DMs) is admitted; the digit test comes
 * first so that no other text is cast.
 */
final class ShardCondition {

  private static final String CONDITION = " AND (d.platform <> '" + Platform.DISCORD.name() + "' OR CASE"
      + " WHEN d.workspace GLOB '[0-9]*' AND d.workspace NOT GLOB '*[^0-9]*'"
      + " AND (length(d.workspace) < 19 OR (length(d.workspace) = 19 AND d.workspace <= '9223372036854775807'))"
      + " THEN ((CAST(d.workspace AS INTEGER) >> " + ShardFilter.SNOWFLAKE_SHIFT + ") %% %d) BETWEEN %d AND %d"
      + " ELSE 1 END)";

  private ShardCondition() {}

  /** {@code " AND (…)"}, or nothing when the filter admits every row. */
  static String of(ShardFilter shards) {
    return shards.isAll() ? "" : CONDITION.formatted(shards.total(), shards.first(), shards.last());
  }
}
