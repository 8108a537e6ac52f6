package io.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextCommandParserTest {

  private static final CommandDefinition TOP = CommandDefinition.of("top", "Top papers",
      OptionDefinition.date("period", "period", false, List.of("today", "week")),
      OptionDefinition.integer("n", "how many", false, 1, 25));

  private static final CommandDefinition SEARCH = CommandDefinition.of("search", "Search",
      OptionDefinition.rest("query", "words", true),
      OptionDefinition.integer("n", "how many", false, 1, 25));

  private static final CommandDefinition SUBSCRIBE = CommandDefinition.managed("subscribe", "Subscribe",
      OptionDefinition.string("time", "HH:MM", false),
      OptionDefinition.choice("style", "layout", false, List.of("digest", "threads")));

  private static final CommandDefinition ALERT = CommandDefinition.group("alert", "Keyword alerts",
      CommandDefinition.managed("add", "Add an alert", OptionDefinition.rest("query", "the query", true),
          OptionDefinition.mentionable("mention", "who to ping", false)),
      CommandDefinition.of("list", "List alerts"));

  @Test
  @DisplayName("positional values fill options in order and are typed")
  void positional() {
    ParsedCommand p = TextCommandParser.parse(TOP, "week 5");
    assertThat(p.options()).isEqualTo(Map.of("period", "week", "n", 5L));
  }

  @Test
  @DisplayName("name:value works in any order, keywords are case-insensitive, dates are checked")
  void named() {
    assertThat(TextCommandParser.parse(TOP, "n:3 period:WEEK").options()).isEqualTo(Map.of("period", "week", "n", 3L));
    assertThat(TextCommandParser.parse(TOP, "2024-06-07").options()).isEqualTo(Map.of("period", "2024-06-07"));
    assertThatThrownBy(() -> TextCommandParser.parse(TOP, "2024-02-30"))
        .isInstanceOf(UsageException.class).hasMessageContaining("not a real date");
    assertThatThrownBy(() -> TextCommandParser.parse(TOP, "fortnight"))
        .isInstanceOf(UsageException.class).hasMessageContaining("`period` must be today, week or a date");
  }

  @Test
  @DisplayName("integers outside their range and surplus words are usage errors carrying the usage line")
  void badIntegers() {
    assertThatThrownBy(() -> TextCommandParser.parse(TOP, "week 99"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("a number from 1 to 25")
        .satisfies(e -> assertThat(((UsageException) e).usage()).isEqualTo("/top [today|week|YYYY-MM-DD] [n]"));
    assertThatThrownBy(() -> TextCommandParser.parse(TOP, "week five"))
        .isInstanceOf(UsageException.class).hasMessageContaining("a whole number, not `five`");
    assertThatThrownBy(() -> TextCommandParser.parse(TOP, "week 5 extra"))
        .isInstanceOf(UsageException.class).hasMessageContaining("Unexpected `extra`");
  }

  @Test
  @DisplayName("a rest option keeps the query as typed, quotes included, but gives up trailing name:value options")
  void restOption() {
    assertThat(TextCommandParser.parse(SEARCH, "\"diffusion model\" -video OR 확산").options())
        .isEqualTo(Map.of("query", "\"diffusion model\" -video OR 확산"));
    assertThat(TextCommandParser.parse(SEARCH, "확산 모델 n:3").options()).isEqualTo(Map.of("query", "확산 모델", "n", 3L));
    assertThat(TextCommandParser.parse(SEARCH, "title:LLM").options()).isEqualTo(Map.of("query", "title:LLM"));
    assertThatThrownBy(() -> TextCommandParser.parse(SEARCH, "   "))
        .isInstanceOf(UsageException.class).hasMessageContaining("Missing `query`");
  }

  private static final CommandDefinition TREND = CommandDefinition.of("trend", "Trend",
      OptionDefinition.rest("query", "words", true),
      OptionDefinition.string("vs", "compare with", false),
      OptionDefinition.choice("period", "how far back", false, List.of("90d", "1y", "all")));

  @Test
  @DisplayName("a trailing name:\"two words\" after a rest option is that option's value; a field's quotes stay in the query")
  void trailingQuotedOption() {
    assertThat(TextCommandParser.parse(TREND, "diffusion vs:\"video generation\"").options())
        .isEqualTo(Map.of("query", "diffusion", "vs", "video generation"));
    assertThat(TextCommandParser.parse(TREND, "\"large language\" model vs:\"비디오 생성\" period:all").options())
        .isEqualTo(Map.of("query", "\"large language\" model", "vs", "비디오 생성", "period", "all"));
    assertThat(TextCommandParser.parse(TREND, "author:\"Yu Qiao\" vs:transformer").options())
        .isEqualTo(Map.of("query", "author:\"Yu Qiao\"", "vs", "transformer"));
    // not an option of this command: a field of the query language, kept as typed
    assertThat(TextCommandParser.parse(TREND, "agents title:\"tool use\"").options())
        .isEqualTo(Map.of("query", "agents title:\"tool use\""));
  }

  @Test
  @DisplayName("quoted values group words; an unclosed quote is reported with its position")
  void quotes() {
    assertThat(TextCommandParser.parse(SUBSCRIBE, "time:\"09:00\" style:threads").options())
        .isEqualTo(Map.of("time", "09:00", "style", "threads"));
    assertThatThrownBy(() -> TextCommandParser.parse(SUBSCRIBE, "\"09:00"))
        .isInstanceOf(UsageException.class).hasMessageContaining("Unclosed quote at position 1");
    assertThatThrownBy(() -> TextCommandParser.parse(SUBSCRIBE, "style:forum"))
        .isInstanceOf(UsageException.class).hasMessageContaining("one of digest, threads");
  }

  @Test
  @DisplayName("usage lines show each option's value as defined, by name where the definition says so; the hint drops the name")
  void usageLines() {
    CommandDefinition paper = CommandDefinition.of("paper", "One paper",
        OptionDefinition.string("id", "arXiv id or URL", true).withValue("ID|URL"));
    assertThat(paper.usage()).isEqualTo("/paper <ID|URL>");
    assertThat(paper.usageHint()).isEqualTo("<ID|URL>");
    CommandDefinition subscribe = CommandDefinition.managed("subscribe", "Subscribe",
        OptionDefinition.string("time", "HH:MM", false).withValue("HH:MM").writtenByName(),
        OptionDefinition.choice("style", "layout", false, List.of("digest", "threads")).writtenByName());
    assertThat(subscribe.usage()).isEqualTo("/subscribe [time:HH:MM] [style:digest|threads]");
    // shown by name, still given in order too
    assertThat(TextCommandParser.parse(subscribe, "09:00 threads").options())
        .isEqualTo(Map.of("time", "09:00", "style", "threads"));
    CommandDefinition search = CommandDefinition.of("search", "Search",
        OptionDefinition.rest("query", "words", true).withValue("QUERY"),
        OptionDefinition.integer("n", "how many", false, 1, 25).withValue("N"));
    assertThat(search.usage()).isEqualTo("/search <QUERY…> [n:N]");
    assertThat(ALERT.usageHint()).isEqualTo("add <query…> [mention:…] | list");
    assertThat(CommandDefinition.of("help", "Help").usageHint()).isEmpty();
  }

  @Test
  @DisplayName("umbrella commands take a subcommand, then its options; mentions become typed ids")
  void subcommands() {
    ParsedCommand p = TextCommandParser.parse(ALERT, "add 확산 모델 mention:<@U123|ana>");
    assertThat(p.subcommand()).isEqualTo(Optional.of("add"));
    assertThat(p.options()).isEqualTo(Map.of("query", "확산 모델", "mention", "user:U123"));
    assertThat(TextCommandParser.parse(ALERT, "add diffusion mention:<!subteam^S9|@ml>").options())
        .containsEntry("mention", "role:S9");
    assertThat(TextCommandParser.parse(ALERT, "add x mention:<@&42>").options()).containsEntry("mention", "role:42");
    assertThat(ALERT.usage()).isEqualTo("/alert add <query…> [mention:…]\n/alert list");
    assertThat(SEARCH.usage()).as("after a rest option only name:value reaches an option").isEqualTo("/search <query…> [n:…]");
    assertThatThrownBy(() -> TextCommandParser.parse(ALERT, "frobnicate"))
        .isInstanceOf(UsageException.class).hasMessageContaining("has no subcommand `frobnicate`");
    assertThatThrownBy(() -> TextCommandParser.parse(ALERT, ""))
        .isInstanceOf(UsageException.class).hasMessageContaining("needs a subcommand");
  }

  @Test
  @DisplayName("a definition rejects required-after-optional options and duplicate names")
  void definitionRules() {
    assertThatThrownBy(() -> CommandDefinition.of("x", "x",
        OptionDefinition.string("a", "a", false), OptionDefinition.string("b", "b", true)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required option b after an optional one");
    assertThatThrownBy(() -> CommandDefinition.of("x", "x",
        OptionDefinition.string("a", "a", false), OptionDefinition.string("a", "a", false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate option a");
    assertThatThrownBy(() -> CommandDefinition.of("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
