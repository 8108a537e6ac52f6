package io.paperboy.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URL checks for settings. */
final class Urls {

  private Urls() {}

  static void check(String key, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!Set.of(schemes).contains(scheme) || uri.getHost() == null) {
        throw new ConfigException(key, Quoting.quote(value) + " is not a " + String.join("/", schemes) + " URL");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(key, Quoting.quote(value) + " is not a URL: " + e.getReason());
    }
  }
}
