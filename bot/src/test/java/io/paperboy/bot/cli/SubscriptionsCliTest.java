package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    Result add = run("subscriptions", "add", "slack", "T1", "C9", "--time", "08:30", "--timezone", "America/New_York",
        "--days", "mon,wed", "--top", "5", "--min-votes", "10", "--style", "threads", "--no-digest-note");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("subscribed slack:T1:C9")
        .contains("mon,wed at 08:30 (America/New_York) · top 5 · at least 10 votes · threads style · a note on days")
        .contains("next: Mon 10 Jun 2024, 08:30 EDT");
    assertThat(run("subscriptions", "add", "discord", "G1", "C1").out()).contains("subscribed discord:G1:C1")
        .contains("weekdays at 09:00 (Asia/Seoul) · all papers · digest style");

    Result update = run("subscriptions", "add", "slack", "T1", "C9", "--top", "0", "--no-digest-note=false");
    assertThat(update.out()).contains("updated slack:T1:C9").contains("mon,wed at 08:30 (America/New_York) · all papers")
        .doesNotContain("a note");

    Result list = run("subscriptions", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("discord:G1:C1\n  weekdays at 09:00 (Asia/Seoul)")
        .contains("  next: Fri 7 Jun 2024, 09:00 KST (in ").contains("  last: none yet").contains("slack:T1:C9");
    assertThat(run("subscriptions", "list", "--platform", "slack").out()).contains("slack:T1:C9").doesNotContain("discord");
    assertThat(run("subscriptions", "list", "--platform", "discord", "--workspace", "G2").out()).isEqualTo("no subscriptions\n");

    assertThat(run("subscriptions", "remove", "slack", "T1", "C9").out()).isEqualTo("removed slack:T1:C9\n");
    Result again = run("subscriptions", "remove", "slack", "T1", "C9");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("slack:T1:C9 has no subscription");
  }

  @Test
  @DisplayName("bad platforms and settings stop with exit code 2 and say what is wrong")
  void badInput() {
    Result platform = run("subscriptions", "add", "teams", "T1", "C1");
    assertThat(platform.code()).isEqualTo(2);
    assertThat(platform.err()).contains("paperboy subscriptions add: PLATFORM: `teams` is not a platform (discord, slack or console).");
    Result time = run("subscriptions", "add", "slack", "T1", "C1", "--time", "25:61");
    assertThat(time.code()).isEqualTo(2);
    assertThat(time.err()).contains("--time: `25:61` is not a time of day");
    // nothing was stored, not even an empty database
    assertThat(run("subscriptions", "list").err()).contains("no database at");
    Result workspaceOnly = run("subscriptions", "list", "--workspace", "T1");
    assertThat(workspaceOnly.code()).isEqualTo(2);
    assertThat(workspaceOnly.err()).contains("--workspace needs --platform");
  }
}
