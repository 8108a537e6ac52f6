package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * File uploads as Discord takes them: a {@code multipart/form-data} body with the message JSON in
 * {@code payload_json} and each file in {@code files[n]} (JDA's way, also for interaction replies
 * and follow-ups); the answered message lists each file under {@code attachments} and an embed
 * image or thumbnail given as {@code attachment://name.png} points at the uploaded file.
 */
final class FakeAttachments {

  /** Discord's default upload limit per request for bots in unboosted guilds. */
  static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  private static final Pattern DISPOSITION_PARAM = Pattern.compile(";\\s*(name|filename)=\"([^\"]*)\"");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private FakeAttachments() {}

  /** A request body: its JSON (or {@code payload_json}) and its files. */
  record Body(JsonNode json, List<FilePart> files) {
    long uploadBytes() {
      return files.stream().mapToLong(f -> f.bytes().length).sum();
    }
  }

  /** Reads a JSON body, or a multipart one into its payload and file parts. */
  static Body read(String contentType, ByteString raw) {
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    if (type == null || !type.type().equals("multipart")) {
      return new Body(FakeDiscord.parse(raw == null ? "" : raw.utf8()), List.of());
    }
    String boundary = type.parameter("boundary");
    if (boundary == null) {
      throw new AssertionError("multipart request without a boundary: " + contentType);
    }
    JsonNode json = MissingNode.getInstance();
    List<FilePart> files = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(raw), boundary)) {
      for (MultipartReader.Part next = reader.nextPart(); next != null; next = reader.nextPart()) {
        try (MultipartReader.Part part = next) {
          Map<String, String> disposition = disposition(String.valueOf(part.headers().get("Content-Disposition")));
          byte[] bytes = part.body().readByteArray();
          String name = disposition.getOrDefault("name", "");
          if (name.equals("payload_json")) {
            json = FakeDiscord.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          } else if (name.matches("files\\[\\d+]")) {
            files.add(new FilePart(name, disposition.getOrDefault("filename", ""),
                Optional.ofNullable(part.headers().get("Content-Type")).orElse("application/octet-stream"), bytes));
          }
        }
      }
    } catch (IOException e) {
      throw new AssertionError("malformed multipart body", e);
    }
    return new Body(json, List.copyOf(files));
  }

  private static Map<String, String> disposition(String header) {
    Map<String, String> params = new java.util.HashMap<>();
    Matcher m = DISPOSITION_PARAM.matcher(header);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    return params;
  }

  /**
   * Attaches the uploaded files to an answered message: fills {@code attachments}, points embed
   * images and thumbnails named {@code attachment://…} at them, and records each upload.
   */
  static void attach(FakeDiscord fake, ObjectNode message, JsonNode payload, List<FilePart> files) {
    if (files.isEmpty()) {
      return;
    }
    String channelId = message.path("channel_id").asText();
    String messageId = message.path("id").asText();
    ArrayNode attachments = message.putArray("attachments");
    Map<String, ObjectNode> byName = new java.util.HashMap<>();
    for (FilePart file : files) {
      String id = fake.nextId();
      String url = fake.attachmentUrl(channelId, id, file.filename());
      ObjectNode a = attachments.addObject();
      a.put("id", id).put("filename", file.filename()).put("size", file.bytes().length).put("url", url)
          .put("proxy_url", url).put("content_type", contentType(file));
      description(payload, file.index()).ifPresent(d -> a.put("description", d));
      pngSize(file.bytes()).ifPresent(size -> a.put("width", size[0]).put("height", size[1]));
      byName.put(file.filename(), a);
      fake.uploads.add(new UploadedFile(channelId, messageId, id, url, file));
    }
    for (JsonNode embed : message.path("embeds")) {
      for (String field : new String[] {"image", "thumbnail"}) {
        JsonNode media = embed.path(field);
        String url = media.path("url").asText("");
        if (media instanceof ObjectNode m && url.startsWith("attachment://")) {
          ObjectNode a = byName.get(url.substring("attachment://".length()));
          if (a != null) {
            m.put("url", a.path("url").asText()).put("proxy_url", a.path("proxy_url").asText());
            if (a.has("width")) {
              m.put("width", a.path("width").asInt()).put("height", a.path("height").asInt());
            }
          }
        }
      }
    }
  }

  private static Optional<String> description(JsonNode payload, int index) {
    for (JsonNode a : payload.path("attachments")) {
      if (a.path("id").asInt(-1) == index && a.hasNonNull("description") && !a.path("description").asText().isEmpty()) {
        return Optional.of(a.path("description").asText());
      }
    }
    return Optional.empty();
  }

  /** Discord names the type from the content, not the part header JDA sends as octet-stream. */
  static String contentType(FilePart file) {
    if (pngSize(file.bytes()).isPresent()) {
      return "image/png";
    }
    String name = file.filename().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".txt")) {
      return "text/plain; charset=utf-8";
    }
    return file.contentType();
  }

  /** Width and height from a PNG's IHDR chunk, if the bytes are a PNG. */
  static Optional<int[]> pngSize(byte[] bytes) {
    if (bytes.length < 24) {
      return Optional.empty();
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return Optional.empty();
      }
    }
    ByteBuffer ihdr = ByteBuffer.wrap(bytes, 16, 8);
    return Optional.of(new int[] {ihdr.getInt(), ihdr.getInt()});
  }
}
