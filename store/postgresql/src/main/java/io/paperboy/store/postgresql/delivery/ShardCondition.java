package io.paperboy.store.postgresql.delivery;

import io.paperboy.store.Platform;
import io.paperboy.store.delivery.ShardFilter;

/**
 * {@link ShardFilter#admits} as a condition on {@code delivery d}. The numbers are the filter's
 * validated ints, written into the SQL rather than bound, so the statements keep their parameters.
 * A workspace that is not a guild id ({@code @me}, the DMs) is admitted; the CASE tests the digits
 * before the cast (PostgreSQL may evaluate the operands of AND in any order, a CASE's branches not),
 * and compares the 19-digit ones bytewise so that none overflows {@code bigint}.
 */
final class ShardCondition {

  private static final String CONDITION = " AND (d.platform <> '" + Platform.DISCORD.name() + "' OR CASE"
      + " WHEN d.workspace ~ '^[0-9]{1,18}$' OR (d.workspace ~ '^[0-9]{19}$'"
      + " AND d.workspace COLLATE \"C\" <= '9223372036854775807')"
      + " THEN ((d.workspace::bigint >> " + ShardFilter.SNOWFLAKE_SHIFT + ") %% %d) BETWEEN %d AND %d"
      + " ELSE true END)";

  private ShardCondition() {}

  /** {@code " AND (…)"}, or nothing when the filter admits every row. */
  static String of(ShardFilter shards) {
    return shards.isAll() ? "" : CONDITION.formatted(shards.total(), shards.first(), shards.last());
  }
}
