package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.OptionDefinition;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Integer bounds the neutral definitions may use but Discord's JSON numbers cannot carry. */
class DiscordCommandBoundsTest {

  @Test
  @DisplayName("an integer option bounded by Long.MIN/MAX_VALUE becomes Discord's widest range instead of failing")
  void unboundedIntegerIsClamped() {
    // GIVEN an option that means "any positive number", as /alert remove's id does
    CommandDefinition def = CommandDefinition.of("remove", "remove an alert",
        OptionDefinition.integer("id", "the alert's number", true, Long.MIN_VALUE, Long.MAX_VALUE));
    // WHEN it is turned into JDA's command data (JDA refused Long.MAX_VALUE and start-up failed)
    SlashCommandData data = DiscordCommands.toData(def);
    // THEN the bounds are the largest Discord accepts
    OptionData id = data.getOptions().get(0);
    assertThat(id.getMaxValue()).isEqualTo((long) OptionData.MAX_POSITIVE_NUMBER);
    assertThat(id.getMinValue()).isEqualTo((long) OptionData.MIN_NEGATIVE_NUMBER);
  }

  @Test
  @DisplayName("ordinary bounds pass through unchanged")
  void ordinaryBoundsKept() {
    SlashCommandData data = DiscordCommands.toData(CommandDefinition.of("top", "best papers",
        OptionDefinition.integer("n", "how many", false, 1, 25)));
    assertThat(data.getOptions().get(0).getMinValue()).isEqualTo(1L);
    assertThat(data.getOptions().get(0).getMaxValue()).isEqualTo(25L);
  }
}
