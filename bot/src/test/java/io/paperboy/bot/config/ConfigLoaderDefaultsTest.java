package io.paperboy.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CLI skips the loader when nothing is configured (Launcher.config); that is only right while these agree. */
@DisplayName("with no file and no PAPERBOY_* setting, the loader gives exactly the defaults")
class ConfigLoaderDefaultsTest {

  @Test
  @DisplayName("load(no file, no setting) equals PaperboyConfig.defaults(), every section included")
  void nothingConfiguredIsTheDefaults() {
    PaperboyConfig loaded = new ConfigLoader().load(Optional.empty(),
        Map.of("HOME", "/root", ConfigLoader.LOG_LEVEL_VARIABLE, "DEBUG"));
    assertThat(loaded).isEqualTo(PaperboyConfig.defaults());
    assertThat(loaded.toString()).isEqualTo(PaperboyConfig.defaults().toString());
  }
}
