package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's external upload flow, the one the SDK's {@code filesUploadV2} uses:
 * {@code files.getUploadURLExternal} ({@code filename}, {@code length}) answers an
 * {@code upload_url} and a {@code file_id}; the client POSTs the bytes to that URL (no token);
 * {@code files.completeUploadExternal} ({@code files=[{"id","title"}]}, {@code channel_id} or
 * {@code channels}, optional {@code initial_comment} and {@code thread_ts}) shares the file,
 * which posts a message in the channel.
 */
final class FakeFiles {

  /** A file between getUploadURLExternal and completeUploadExternal. */
  private static final class Pending {
    final String fileId;
    final String teamId;
    final String filename;
    final long length;
    volatile byte[] bytes;

    Pending(String fileId, String teamId, String filename, long length) {
      this.fileId = fileId;
      this.teamId = teamId;
      this.filename = filename;
      this.length = length;
    }
  }

  private final FakeSlack slack;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(0x5AB0000L);

  FakeFiles(FakeSlack slack) {
    this.slack = slack;
  }

  FakeWebApi.Answer getUploadUrl(FakeTeam team, Map<String, String> params) {
    String filename = params.getOrDefault("filename", "");
    long length;
    try {
      length = Long.parseLong(params.getOrDefault("length", ""));
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (filename.isEmpty() || length < 1) {
      FakeWebApi.Answer answer = FakeWebApi.Answer.error("invalid_arguments");
      answer.body().putObject("response_metadata").putArray("messages")
          .add(filename.isEmpty() ? "[ERROR] missing required field: filename" : "[ERROR] missing required field: length");
      return answer;
    }
    String fileId = "F" + Long.toString(ids.incrementAndGet(), 36).toUpperCase(Locale.ROOT) + "UPLOAD";
    pending.put(fileId, new Pending(fileId, team.id(), filename, length));
    return FakeWebApi.Answer.ok(JSON.createObjectNode().put("upload_url", slack.uploadUrl(fileId)).put("file_id", fileId));
  }

  /** The bytes POSTed to an upload URL; false if the URL is unknown. */
  boolean receive(String fileId, byte[] bytes) {
    Pending p = pending.get(fileId);
    if (p == null) {
      return false;
    }
    p.bytes = bytes;
    return true;
  }

  FakeWebApi.Answer complete(FakeTeam team, Map<String, String> params) {
    JsonNode files;
    try {
      files = JSON.readTree(params.getOrDefault("files", ""));
    } catch (JsonProcessingException e) {
      return FakeWebApi.Answer.error("invalid_arguments");
    }
    if (files == null || !files.isArray() || files.isEmpty()) {
      return FakeWebApi.Answer.error("invalid_arguments");
    }
    List<String> channels = new ArrayList<>();
    if (params.containsKey("channel_id")) {
      channels.add(params.get("channel_id"));
    } else if (params.containsKey("channels")) {
      channels.addAll(List.of(params.get("channels").split(",")));
    }
    for (String channel : channels) {
      Optional<FakeWebApi.Answer> refused = FakeWebApi.membership(team, channel);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    Optional<String> thread = Optional.ofNullable(params.get("thread_ts")).filter(t -> !t.isEmpty());
    for (String channel : channels) {
      if (thread.isPresent() && team.messages(channel).stream().noneMatch(m -> m.ts().equals(thread.get()))) {
        return FakeWebApi.Answer.error("thread_not_found");
      }
    }
    List<Pending> completing = new ArrayList<>();
    for (JsonNode f : files) {
      Pending p = pending.get(f.path("id").asText());
      if (p == null || !p.teamId.equals(team.id()) || p.bytes == null) {
        return FakeWebApi.Answer.error("file_not_found");
      }
      completing.add(p);
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode answered = body.putArray("files");
    for (int i = 0; i < completing.size(); i++) {
      Pending p = completing.get(i);
      pending.remove(p.fileId);
      String title = files.get(i).path("title").asText(p.filename);
      answered.addObject().put("id", p.fileId).put("name", p.filename).put("title", title)
          .put("mimetype", mimetype(p.filename, p.bytes)).put("size", p.bytes.length);
      Optional<String> comment = Optional.ofNullable(params.get("initial_comment")).filter(c -> !c.isEmpty());
      for (String channel : channels) {
        String ts = slack.nextTs();
        team.messages.add(new PostedMessage(channel, ts, thread, comment.orElse(""), JSON.createArrayNode(),
            Optional.empty(), Map.copyOf(params), team.id()));
        team.uploads.add(new SlackUpload(team.id(), channel, p.fileId, p.filename, title, p.bytes, comment, thread, ts));
      }
    }
    return FakeWebApi.Answer.ok(body);
  }

  static String mimetype(String filename, byte[] bytes) {
    if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
      return "image/png";
    }
    return filename.toLowerCase(Locale.ROOT).endsWith(".txt") ? "text/plain" : "application/octet-stream";
  }
}
