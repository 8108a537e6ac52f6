package io.paperboy.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A message the fake accepted through {@code chat.postMessage} (or the message that shares an
 * uploaded file).
 *
 * @param channel  channel id
 * @param ts       the message's ts
 * @param threadTs the thread it replies to, if any
 * @param text     fallback text
 * @param blocks   the blocks as sent (an empty array when none)
 * @param metadata message metadata as sent, if any
 * @param params   every form parameter as sent
 * @param teamId   the workspace it was posted in
 */
public record PostedMessage(String channel, String ts, Optional<String> threadTs, String text, JsonNode blocks,
    Optional<JsonNode> metadata, Map<String, String> params, String teamId) {}
