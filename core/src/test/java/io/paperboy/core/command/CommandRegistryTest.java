package io.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.message.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

  private record Named(CommandDefinition definition) implements Command {
    @Override
    public Message handle(CommandRequest r) {
      return Message.ephemeralText("ok");
    }
  }

  private final CommandRegistry registry = new CommandRegistry(List.of(
      new Named(CommandDefinition.of("echo", "Echo", OptionDefinition.string("word", "a word", false))),
      new Named(CommandDefinition.managed("configure", "Configure")),
      new Named(CommandDefinition.group("alert", "Alerts", CommandDefinition.managed("add", "Add"),
          CommandDefinition.of("list", "List")))));

  @Test
  @DisplayName("definitions keep registration order and names must be unique")
  void definitions() {
    assertThat(registry.definitions()).extracting(CommandDefinition::name).containsExactly("echo", "configure", "alert");
    assertThatThrownBy(() -> new CommandRegistry(List.of(
        new Named(CommandDefinition.of("echo", "a")), new Named(CommandDefinition.of("echo", "b")))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("manager-only is known per command and per subcommand")
  void managerOnly() {
    assertThat(registry.managerOnly("configure", Optional.empty())).isTrue();
    assertThat(registry.managerOnly("echo", Optional.empty())).isFalse();
    assertThat(registry.managerOnly("alert", Optional.of("add"))).isTrue();
    assertThat(registry.managerOnly("alert", Optional.of("list"))).isFalse();
    assertThat(registry.managerOnly("nope", Optional.empty())).isFalse();
  }

  @Test
  @DisplayName("parsing an unknown command is a usage error pointing at /help")
  void parseUnknown() {
    assertThatThrownBy(() -> registry.parse("nope", "x"))
        .isInstanceOfSatisfying(UsageException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("There is no `/nope` command. Try `/help` for the list.");
          assertThat(e.usage()).isEqualTo("/help");
        });
    assertThat(registry.parse("ECHO", "hi").options()).containsEntry("word", "hi");
  }
}
