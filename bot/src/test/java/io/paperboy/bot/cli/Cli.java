package io.paperboy.bot.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real CLI in-process with captured streams, on the project's seeds. */
final class Cli {

  static final Path SEEDS = Path.of(System.getProperty("paperboy.projectSeeds"));
  static final Path PROJECT = SEEDS.getParent();

  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return runWithInput("", Map.of(), args);
  }

  static Result runWithInput(String stdin, Map<String, String> env, String... args) {
    return runWithInput(new StringReader(stdin), env, args);
  }

  /** With a reader of its own as stdin: one that waits for something before it types, say. */
  static Result runWithInput(java.io.Reader stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(new BufferedReader(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    // seeds/ is relative to the project root, surefire runs in bot/
    Map<String, String> all = new HashMap<>(Map.of("PAPERBOY_SEEDS", SEEDS.toString()));
    all.putAll(env);
    int code = PaperboyCli.execute(args, stdio, all);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
