package io.paperboy.bot.cluster;

import io.paperboy.bot.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One product instance for the cluster tests: {@code paperboy run --config FILE} in a child JVM
 * (the product's {@link Main}, nothing test-made on its path but the classpath), with Discord's
 * and Slack's secrets in its environment as an operator sets them, so it starts real JDA and real
 * Bolt against the loopback fakes the config points at. Its console reads an empty stdin: {@code
 * run} then says the console closed and keeps serving the platforms until it is stopped, as under
 * a service manager.
 */
final class RunInstance {

  /** The fake Slack's signing secret; the tests send no inbound Slack request, Bolt only needs one. */
  static final String SIGNING_SECRET = "cluster-signing-secret";

  private RunInstance() {}

  /**
   * The YAML an operator would write for one of several instances on {@code database}: the
   * fakes' URLs, Slack in HTTP mode on a free loopback port, no seeds, {@code sources} and the
   * extra sections as given (already YAML, indented as top-level keys).
   */
  static String config(String database, String discordApi, String discordGateway, String slackApi,
      List<String> sources, String extra) {
    return config(database, "UTC", discordApi, discordGateway, slackApi, sources, extra);
  }

  /** As above, in {@code timezone}. */
  static String config(String database, String timezone, String discordApi, String discordGateway, String slackApi,
      List<String> sources, String extra) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("database: \"").append(database).append("\"\n")
        .append("timezone: \"").append(timezone).append("\"\n")
        .append("seeds: []\n")
        .append("sources:\n");
    for (String s : sources) {
      yaml.append("  - \"").append(s).append("\"\n");
    }
    yaml.append("discord:\n")
        .append("  api-url: \"").append(discordApi).append("\"\n")
        .append("  gateway-url: \"").append(discordGateway).append("\"\n")
        .append("slack:\n")
        .append("  api-url: \"").append(slackApi).append("\"\n")
        .append("  http-host: 127.0.0.1\n")
        .append("  http-port: 0\n")
        .append(extra);
    return yaml.toString();
  }

  /**
   * Starts {@code paperboy run --config config} in {@code dir} (so relative paths resolve there),
   * output appended to {@code log}.
   */
  static Process start(Path dir, Path config, Path log, Map<String, String> secrets) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dfile.encoding=UTF-8",
        // the product's own logging (INFO), not the tests' quieter logback-test.xml on the same classpath
        "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    // only what this test sets: a developer's own PAPERBOY_* or platform secrets must not leak in
    env.keySet().removeIf(k -> k.startsWith("PAPERBOY_") || k.startsWith("DISCORD_") || k.startsWith("SLACK_"));
    env.putAll(secrets);
    return pb.start();
  }

  /** The last {@code lines} lines of a child's log, for a failure message. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
