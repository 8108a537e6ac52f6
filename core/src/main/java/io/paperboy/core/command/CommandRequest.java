package io.paperboy.core.command;

import io.paperboy.store.ChannelRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed command: typed option values by name (see {@link OptionType} for their Java types),
 * who ran it, where, and when.
 *
 * @param command    command name without slash
 * @param subcommand the subcommand of an umbrella command ({@code add} in {@code /alert add}), if any
 * @param options    option values by name; absent options are missing from the map
 * @param caller     who
 * @param channel    where; commands scope everything they read or write by it
 * @param now        the request's instant (a pinned clock in tests and with {@code --now})
 */
public record CommandRequest(
    String command,
    Optional<String> subcommand,
    Map<String, Object> options,
    Caller caller,
    ChannelRef channel,
    Instant now) {

  public CommandRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(subcommand, "subcommand");
    options = Map.copyOf(options);
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(now, "now");
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(options.get(name)).map(Object::toString);
  }

  public Optional<Long> integer(String name) {
    return Optional.ofNullable((Long) options.get(name));
  }

  public Optional<Boolean> bool(String name) {
    return Optional.ofNullable((Boolean) options.get(name));
  }
}
