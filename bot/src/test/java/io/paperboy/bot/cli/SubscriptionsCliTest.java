package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("paperboy subscriptions list|add|remove")
class SubscriptionsCliTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(new BufferedReader(new StringReader("")), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = dir.resolve("p.db").toString();
    all[args.length + 2] = "--now";
    all[args.length + 3] = "2024-06-07T08:00:00+09:00";
    int code = PaperboyCli.execute(all, stdio, Map.of());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("add with the options of /subscribe, list (all, per platform, per workspace), update, remove")
  void addListRemove() {
    Result add = run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--time", "08:30", "--timezone", "America/New_York",
        "--days", "mon,wed", "--top", "5", "--min-votes", "10", "--style", "threads", "--no-digest-note");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("subscribed slack:T0123ABCD:C0123ABCD")
        .contains("mon,wed at 08:30 (America/New_York) · top 5 · at least 10 votes · threads style · a note on days")
        .contains("next: Mon 10 Jun 2024, 08:30 EDT");
    assertThat(run("subscriptions", "add", "discord", "1200000000000000001", "1300000000000000001").out()).contains("subscribed discord:1200000000000000001:1300000000000000001")
        .contains("weekdays at 09:00 (Asia/Seoul) · all papers · digest style");

    Result update = run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--top", "0", "--no-digest-note=false");
    assertThat(update.out()).contains("updated slack:T0123ABCD:C0123ABCD").contains("mon,wed at 08:30 (America/New_York) · all papers")
        .doesNotContain("a note");

    Result list = run("subscriptions", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("discord:1200000000000000001:1300000000000000001\n  weekdays at 09:00 (Asia/Seoul)")
        .contains("  next: Fri 7 Jun 2024, 09:00 KST (in ").contains("  last: none yet").contains("slack:T0123ABCD:C0123ABCD");
    assertThat(run("subscriptions", "list", "--platform", "slack").out()).contains("slack:T0123ABCD:C0123ABCD").doesNotContain("discord");
    assertThat(run("subscriptions", "list", "--platform", "discord", "--workspace", "1200000000000000002").out()).isEqualTo("no subscriptions\n");

    assertThat(run("subscriptions", "remove", "slack", "T0123ABCD", "C0123ABCD").out()).isEqualTo("removed slack:T0123ABCD:C0123ABCD\n");
    Result again = run("subscriptions", "remove", "slack", "T0123ABCD", "C0123ABCD");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("slack:T0123ABCD:C0123ABCD has no subscription");
  }

  @Test
  @DisplayName("ids are checked for their platform's shape, and the error says what a valid one looks like")
  void ids() {
    Result discord = run("subscriptions", "add", "discord", "notanid", "alsonot");
    assertThat(discord.code()).isEqualTo(2);
    assertThat(discord.err()).startsWith("paperboy subscriptions add: `notanid` is not a Discord guild (server) id: "
        + "17 to 20 digits, e.g. 1200000000000000001 (User Settings → Advanced → Developer Mode on, then right-click "
        + "the server → Copy Server ID).");
    assertThat(run("subscriptions", "add", "discord", "1200000000000000001", "alsonot").err())
        .contains("`alsonot` is not a Discord channel id: 17 to 20 digits").contains("Copy Channel ID");
    assertThat(run("subscriptions", "add", "discord", "1200000000000000001", "99999999999999999999").err())
        .as("20 digits above 2^64 - 1").contains("is not a Discord channel id");
    assertThat(run("subscriptions", "add", "discord", "1200000000000000001", "1300000000000000001", "--thread", "x").err())
        .contains("`x` is not a Discord thread id");
    assertThat(run("subscriptions", "add", "slack", "t0123abcd", "C0123ABCD").err())
        .contains("`t0123abcd` is not a Slack workspace id: T (or E for an Enterprise Grid organisation), then 8 or more "
            + "uppercase letters and digits, e.g. T012AB3C4D5");
    assertThat(run("subscriptions", "add", "slack", "T0123ABCD", "#general").err())
        .contains("`#general` is not a Slack channel id: C (public), G (private) or D (direct message)");
    assertThat(run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--thread", "yesterday").err())
        .contains("`yesterday` is not a Slack thread: the ts of its first message, e.g. 1718000000.123456");
    assertThat(run("subscriptions", "add", "console", "here", "console").err())
        .contains("the console has one channel: console local console");
    assertThat(run("subscriptions", "list", "--platform", "slack", "--workspace", "nope").err())
        .contains("--workspace: `nope` is not a Slack workspace id");
    // and the valid shapes pass: Discord snowflakes, Slack T…/E… with C…/G…/D…, the console's own ids
    for (String[] ok : List.of(new String[] {"discord", "81384788765712384", "81384788765712385"},
        new String[] {"slack", "E0123ABCDEF", "G0123ABCD"}, new String[] {"slack", "T0123ABCDEF", "D0123ABCDEF"},
        new String[] {"console", "local", "console"})) {
      Result r = run("subscriptions", "add", ok[0], ok[1], ok[2]);
      assertThat(r.code()).as(String.join(" ", ok) + ": " + r.err()).isZero();
    }
    assertThat(run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--thread", "1718000000.123456").code())
        .isZero();
    // a malformed id that has no subscription is bad input; one that has (stored before ids were checked) is removed
    assertThat(run("subscriptions", "remove", "discord", "notanid", "alsonot").code()).isEqualTo(2);
    io.paperboy.store.ChannelRef legacy = io.paperboy.store.ChannelRef.of(io.paperboy.store.Platform.DISCORD, "notanid",
        "alsonot");
    try (io.paperboy.bot.Paperboy app = io.paperboy.bot.Paperboy.open(io.paperboy.bot.config.PaperboyConfig.defaults()
        .withDatabase(dir.resolve("p.db").toString()), java.time.Clock.systemUTC())) {
      app.subscriptionAdmin().subscribing().subscribe(legacy, io.paperboy.bot.subscriptions.SubscriptionChanges.none(),
          java.time.Instant.parse("2024-06-07T00:00:00Z"));
    }
    Result removed = run("subscriptions", "remove", "discord", "notanid", "alsonot");
    assertThat(removed.code()).as(removed.err()).isZero();
    assertThat(removed.out()).isEqualTo("removed discord:notanid:alsonot\n");
  }

  @Test
  @DisplayName("bad platforms and settings stop with exit code 2 and say what is wrong")
  void badInput() {
    Result platform = run("subscriptions", "add", "teams", "T0123ABCD", "C0123ABCD");
    assertThat(platform.code()).isEqualTo(2);
    assertThat(platform.err()).contains("paperboy subscriptions add: PLATFORM: `teams` is not a platform (discord, slack or console).");
    Result time = run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--time", "25:61");
    assertThat(time.code()).isEqualTo(2);
    assertThat(time.err()).contains("--time: `25:61` is not a time of day");
    // nothing was stored, not even an empty database
    assertThat(run("subscriptions", "list").err()).contains("no database at");
    Result workspaceOnly = run("subscriptions", "list", "--workspace", "T0123ABCD");
    assertThat(workspaceOnly.code()).isEqualTo(2);
    assertThat(workspaceOnly.err()).contains("--workspace needs --platform");
  }
}
