package io.paperboy.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@code jar tf bot/target/paperboy.jar} lists, checked by {@code mvn verify} after the shade:
 * the product, and none of the code that serves only tests and the bench.
 */
class PackagedJarIT {

  private static final Path JAR = Path.of("target", "paperboy.jar");

  /** Class-file prefixes that must never ship: the fakes, the bench, mocking, the mock web server. */
  private static final List<String> FORBIDDEN = List.of("io/paperboy/testkit/", "io/paperboy/bench/",
      "org/mockito/", "net/bytebuddy/", "mockwebserver3/", "okhttp3/mockwebserver/", "org/junit/", "org/assertj/",
      "com/tngtech/archunit/");

  @Test
  @DisplayName("paperboy.jar holds the entry point and the adapters, and no testkit, bench, Mockito or mockwebserver class")
  void shadedJarShipsTheProductOnly() throws IOException {
    assertThat(JAR).as("the shaded jar (built by `package`)").exists();
    List<String> entries;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }
    // the list is the real one: the product and its libraries are there
    assertThat(entries).contains("io/paperboy/bot/Main.class", "io/paperboy/discord/DiscordBot.class",
        "io/paperboy/slack/SlackAdapter.class", "io/paperboy/store/sqlite/SqliteStores.class");
    assertThat(entries).filteredOn(e -> FORBIDDEN.stream().anyMatch(e::startsWith)).isEmpty();
  }
}
