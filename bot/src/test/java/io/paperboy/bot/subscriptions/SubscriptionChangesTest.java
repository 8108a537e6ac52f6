package io.paperboy.bot.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SubscriptionChanges: reading times and zones as people type them")
class SubscriptionChangesTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({"09:00, 09:00", "9:00, 09:00", "9, 09:00", "18:30, 18:30", "9am, 09:00", "12am, 00:00", "12pm, 12:00",
      "6:30pm, 18:30", "6:30 PM, 18:30", "00:00, 00:00", "23:59, 23:59"})
  void times(String text, LocalTime expected) {
    assertThat(SubscriptionChanges.parseTime(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"24:00", "9:60", "13pm", "0am", "noon", "9.30", ""})
  void badTimes(String text) {
    assertThatThrownBy(() -> SubscriptionChanges.parseTime(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a time of day");
  }

  @Test
  @DisplayName("zones by IANA name, case forgiven; unknown names explained")
  void zones() {
    assertThat(SubscriptionChanges.parseZone("Asia/Seoul")).isEqualTo(ZoneId.of("Asia/Seoul"));
    assertThat(SubscriptionChanges.parseZone("america/new_york")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(SubscriptionChanges.parseZone("UTC")).isEqualTo(ZoneId.of("UTC"));
    assertThatThrownBy(() -> SubscriptionChanges.parseZone("KST")).hasMessageContaining("not an IANA time zone");
  }
}
