package io.paperboy.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("DaySet: the days a subscription posts on")
class DaySetTest {

  @ParameterizedTest(name = "''{0}'' reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "weekdays | weekdays",
      "Daily | daily",
      "weekends | weekends",
      "mon,wed,fri | mon,wed,fri",
      "fri, mon ,wed | mon,wed,fri",
      "sat,sun | weekends",
      "mon,tue,wed,thu,fri | weekdays",
      "monday,Tuesday | mon,tue",
      "sun | sun"})
  void parsesAndPrintsCanonically(String text, String canonical) {
    assertThat(DaySet.parse(text).text()).isEqualTo(canonical);
    assertThat(DaySet.parse(canonical)).isEqualTo(DaySet.parse(text));
  }

  @Test
  @DisplayName("weekdays holds Monday to Friday only")
  void weekdays() {
    assertThat(DaySet.WEEKDAYS.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(DaySet.WEEKDAYS.contains(DayOfWeek.SATURDAY)).isFalse();
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @CsvSource(delimiter = '|', value = {"'' | no days", "funday | 'funday' is not a day", "mon,xyz | 'xyz'",
      "monkey | 'monkey'", "' , ' | no days"})
  void refusesNonsense(String text, String message) {
    assertThatThrownBy(() -> DaySet.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
