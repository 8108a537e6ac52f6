package io.paperboy.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.delivery.DaySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("delivery.* settings: defaults, file, environment, refusals")
class DeliveryConfigTest {

  @TempDir
  Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  @Test
  @DisplayName("defaults: 09:00 weekdays, 24h catch-up, 8 attempts from 2s to 10m, 4 channels at once")
  void defaults() {
    DeliveryConfig d = PaperboyConfig.defaults().delivery();
    assertThat(d.defaultTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(d.defaultDays()).isEqualTo(DaySet.WEEKDAYS);
    assertThat(d.catchUp()).isEqualTo(Duration.ofHours(24));
    assertThat(d.maxAttempts()).isEqualTo(8);
    assertThat(d.retryBaseDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.retryMaxDelay()).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.parallelism()).isEqualTo(DeliveryConfig.DEFAULT_PARALLELISM).isEqualTo(64);
    assertThat(d.poll()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.subscribeConsole()).isTrue();
    assertThat(loader.keys()).contains("delivery.catch-up-window", "delivery.max-attempts", "delivery.subscribe-console");
  }

  @Test
  @DisplayName("the file and PAPERBOY_DELIVERY_* variables set them; durations read 500ms, 90s, 10m, 36h, 2d and ISO")
  void fileAndEnvironment() throws IOException {
    Path f = dir.resolve("p.yml");
    Files.writeString(f, "delivery:\n  time: \"07:15\"\n  days: mon,fri\n  catch-up-window: 36h\n  retry-base: 500ms\n");
    PaperboyConfig c = loader.load(Optional.of(f), Map.of("PAPERBOY_DELIVERY_RETRY_MAX", "PT2M",
        "PAPERBOY_DELIVERY_PARALLELISM", "8", "PAPERBOY_DELIVERY_SUBSCRIBE_CONSOLE", "false",
        "PAPERBOY_DELIVERY_POLL_INTERVAL", "2d"));
    DeliveryConfig d = c.delivery();
    assertThat(d.defaultTime()).isEqualTo(LocalTime.of(7, 15));
    assertThat(d.defaultDays()).isEqualTo(DaySet.parse("mon,fri"));
    assertThat(d.catchUp()).isEqualTo(Duration.ofHours(36));
    assertThat(d.retryBaseDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(d.retryMaxDelay()).isEqualTo(Duration.ofMinutes(2));
    assertThat(d.parallelism()).isEqualTo(8);
    assertThat(d.poll()).isEqualTo(Duration.ofDays(2));
    assertThat(d.subscribeConsole()).isFalse();
  }

  @Test
  @DisplayName("flood bound: 100 cards and 100 messages per daily post unless set; ingest refuses days of more than 1,000 papers")
  void floodBounds() throws IOException {
    DeliveryConfig d = PaperboyConfig.defaults().delivery();
    assertThat(d.maxPapers()).isEqualTo(100).isGreaterThanOrEqualTo(70);
    assertThat(d.maxMessages()).isEqualTo(100);
    assertThat(PaperboyConfig.defaults().ingest().maxPapersPerDay()).isEqualTo(1000);
    Path f = dir.resolve("p.yml");
    Files.writeString(f, "delivery:\n  max-papers: 30\n  max-messages: 12\ningest:\n  max-papers-per-day: 200\n");
    PaperboyConfig c = loader.load(Optional.of(f), Map.of());
    assertThat(c.delivery().maxPapers()).isEqualTo(30);
    assertThat(c.delivery().maxMessages()).isEqualTo(12);
    assertThat(c.ingest().maxPapersPerDay()).isEqualTo(200);
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_MAX_PAPERS", "0")))
        .hasMessageContaining("delivery.max-papers").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_MAX_MESSAGES", "1")))
        .hasMessageContaining("delivery.max-messages").hasMessageContaining("at least 2");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_INGEST_MAX_PAPERS_PER_DAY", "0")))
        .hasMessageContaining("ingest.max-papers-per-day").hasMessageContaining("at least 1");
  }

  @Test
  @DisplayName("bad values name the key and where they came from")
  void refusals() {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_CATCH_UP_WINDOW", "a day")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("delivery.catch-up-window").hasMessageContaining("`a day` is not a duration")
        .hasMessageContaining("PAPERBOY_DELIVERY_CATCH_UP_WINDOW");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_TIME", "9h")))
        .hasMessageContaining("delivery.time").hasMessageContaining("HH:MM");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_DAYS", "someday")))
        .hasMessageContaining("delivery.days").hasMessageContaining("`someday` is not a day");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_MAX_ATTEMPTS", "0")))
        .hasMessageContaining("delivery.max-attempts").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("PAPERBOY_DELIVERY_RETRY_BASE", "1h")))
        .hasMessageContaining("retry-base must be positive and at most retry-max");
  }
}
