package io.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

  private static final class Echo implements Command {
    private final CommandDefinition def;

    Echo(CommandDefinition def) {
      this.def = def;
    }

    @Override
    public CommandDefinition definition() {
      return def;
    }

    @Override
    public Message handle(CommandRequest r) {
      if (r.string("word").filter("boom"::equals).isPresent()) {
        throw new IllegalStateException("boom");
      }
      if (r.string("word").filter("nonsense"::equals).isPresent()) {
        throw new UsageException("That makes no sense.", def.usage());
      }
      return Message.of(new Block.Text("echo " + r.options()));
    }
  }

  private final CommandRegistry registry = new CommandRegistry(List.of(
      new Echo(CommandDefinition.of("echo", "Echo", OptionDefinition.string("word", "a word", false))),
      new Echo(CommandDefinition.managed("configure", "Configure", OptionDefinition.string("word", "a word", false)))));

  private static CommandRequest request(String command, Map<String, Object> options, boolean canManage) {
    return new CommandRequest(command, Optional.empty(), options, new Caller("U1", "ana", canManage),
        ChannelRef.console(), Instant.parse("2024-06-07T00:00:00Z"));
  }

  private static String text(Message m) {
    return ((Block.Text) m.blocks().get(0)).markdown();
  }

  @Test
  @DisplayName("a manager-only command is refused, ephemerally, to a caller who cannot manage the channel")
  void managerOnly() {
    Message refused = registry.dispatch(request("configure", Map.of(), false));
    assertThat(refused.ephemeral()).isTrue();
    assertThat(text(refused)).contains("Only people who can manage this channel");
    Message allowed = registry.dispatch(request("configure", Map.of("word", "hi"), true));
    assertThat(allowed.ephemeral()).isFalse();
    assertThat(text(allowed)).isEqualTo("echo {word=hi}");
  }

  @Test
  @DisplayName("unknown commands, usage errors and failures become short ephemeral answers")
  void errors() {
    Message unknown = registry.dispatch(request("nope", Map.of(), true));
    assertThat(unknown.ephemeral()).isTrue();
    assertThat(text(unknown)).contains("There is no `/nope` command").contains("/help");
    Message usage = registry.dispatch(request("echo", Map.of("word", "nonsense"), true));
    assertThat(text(usage)).isEqualTo("That makes no sense.\nUsage: `/echo [word]`");
    Message failure = registry.dispatch(request("echo", Map.of("word", "boom"), true));
    assertThat(failure.ephemeral()).isTrue();
    assertThat(text(failure)).contains("failed unexpectedly").doesNotContain("IllegalStateException");
  }

  @Test
  @DisplayName("each way a dispatch ends is classified, whichever part found the problem")
  void outcomes() {
    assertThat(registry.answer(request("echo", Map.of("word", "hi"), true)).outcome())
        .isEqualTo(CommandRegistry.Outcome.ANSWERED);
    // a usage error thrown by the command itself is classified like one found by the parser
    CommandRegistry.Dispatched usage = registry.answer(request("echo", Map.of("word", "nonsense"), true));
    assertThat(usage.outcome()).isEqualTo(CommandRegistry.Outcome.USAGE_ERROR);
    assertThat(text(usage.message())).isEqualTo("That makes no sense.\nUsage: `/echo [word]`");
    assertThat(registry.answer(request("nope", Map.of(), true)).outcome()).isEqualTo(CommandRegistry.Outcome.USAGE_ERROR);
    assertThat(registry.answer(request("configure", Map.of(), false)).outcome()).isEqualTo(CommandRegistry.Outcome.REFUSED);
    assertThat(registry.answer(request("echo", Map.of("word", "boom"), true)).outcome())
        .isEqualTo(CommandRegistry.Outcome.FAILED);
  }

  @Test
  @DisplayName("definitions keep registration order and names must be unique")
  void definitions() {
    assertThat(registry.definitions()).extracting(CommandDefinition::name).containsExactly("echo", "configure");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommandRegistry(List.of(
        new Echo(CommandDefinition.of("echo", "a")), new Echo(CommandDefinition.of("echo", "b")))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
