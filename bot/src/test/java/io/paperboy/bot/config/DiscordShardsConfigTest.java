package io.paperboy.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.delivery.ShardFilter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("discord.shards settings")
class DiscordShardsConfigTest {

  private final ConfigLoader loader = new ConfigLoader();

  @Test
  @DisplayName("absent: every shard Discord recommends; from the environment: the total and this instance's range")
  void fromEnvironment() {
    assertThat(PaperboyConfig.defaults().discord().shards()).isEqualTo(new DiscordConfig.Shards(null, null));
    PaperboyConfig c = loader.load(Optional.empty(),
        Map.of("PAPERBOY_DISCORD_SHARDS_TOTAL", "4", "PAPERBOY_DISCORD_SHARDS_RANGE", "2-3"));
    assertThat(c.discord().shards()).isEqualTo(new DiscordConfig.Shards(4, "2-3"));
  }

  @Test
  @DisplayName("a range that is not FIRST-LAST is refused naming the key")
  void badRange() {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DISCORD_SHARDS_RANGE", "first")))
        .hasMessageContaining("discord.shards.range");
  }

  @Test
  @DisplayName("a range needs the total and must lie within it; it becomes the outbox's shard filter")
  void rangeNeedsTotal() {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DISCORD_SHARDS_RANGE", "0-1")))
        .hasMessageContaining("discord.shards.range").hasMessageContaining("needs discord.shards.total");
    assertThatThrownBy(() -> loader.load(Optional.empty(),
        Map.of("PAPERBOY_DISCORD_SHARDS_TOTAL", "2", "PAPERBOY_DISCORD_SHARDS_RANGE", "1-2")))
        .hasMessageContaining("discord.shards.range").hasMessageContaining("< discord.shards.total 2");
    assertThat(PaperboyConfig.defaults().discord().shards().outboxFilter()).isEqualTo(ShardFilter.all());
    assertThat(new DiscordConfig.Shards(4, null).outboxFilter()).isEqualTo(ShardFilter.all());
    assertThat(new DiscordConfig.Shards(4, " 1 - 2 ").outboxFilter()).isEqualTo(new ShardFilter(4, 1, 2));
    assertThat(new DiscordConfig.Shards(4, "3").outboxFilter()).isEqualTo(new ShardFilter(4, 3, 3));
  }
}
