package io.paperboy.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
