package io.paperboy.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a message-create request body against Discord's published OpenAPI description
 * ({@code discord/discord-api-spec}, {@code specs/openapi.json}, read at commit 00194a6b; schemas
 * {@code MessageCreateRequest}, {@code MessageAllowedMentionsRequest}, {@code RichEmbed},
 * {@code RichEmbedField}, {@code RichEmbedFooter}, {@code RichEmbedAuthor},
 * {@code RichEmbedImage}/{@code Thumbnail}/{@code Video}, {@code SnowflakeType}), plus the two
 * documented rules the schema cannot express: all embeds of a message together hold at most
 * 6,000 characters, and a bot's {@code content} at most 2,000 (the schema allows 4,000).
 *
 * <p>The limits are encoded here field by field (names and numbers as in the spec); unknown keys
 * are reported too, to catch a misspelt field the schema would silently ignore.
 */
final class DiscordPayloadValidator {

  // MessageCreateRequest
  static final int CONTENT_MAX_SPEC = 4000;
  static final int CONTENT_MAX_BOT = 2000;
  static final int EMBEDS_MAX_ITEMS = 10;
  static final int STICKERS_MAX_ITEMS = 3;
  static final int COMPONENTS_MAX_ITEMS = 5;
  static final int ATTACHMENTS_MAX_ITEMS = 10;
  static final int NONCE_MAX_LENGTH = 25;
  // MessageAllowedMentionsRequest
  static final int MENTION_IDS_MAX_ITEMS = 100;
  static final Set<String> ALLOWED_MENTION_TYPES = Set.of("users", "roles", "everyone");
  // RichEmbed and its parts
  static final int TITLE_MAX = 256;
  static final int DESCRIPTION_MAX = 4096;
  static final int URL_MAX = 2048;
  static final int COLOR_MAX = 16777215;
  static final int FIELDS_MAX_ITEMS = 25;
  static final int FIELD_NAME_MAX = 256;
  static final int FIELD_VALUE_MAX = 1024;
  static final int FOOTER_TEXT_MAX = 2048;
  static final int AUTHOR_NAME_MAX = 256;
  static final int PLACEHOLDER_MAX = 64;
  // documented, not in the schema
  static final int EMBEDS_TOTAL_MAX = 6000;

  private static final Pattern SNOWFLAKE = Pattern.compile("^(0|[1-9][0-9]*)$");
  private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S+$");
  private static final Set<String> MESSAGE_KEYS = Set.of("content", "embeds", "allowed_mentions", "sticker_ids",
      "components", "flags", "attachments", "poll", "message_reference", "nonce", "enforce_nonce", "tts");
  private static final Set<String> EMBED_KEYS = Set.of("type", "url", "title", "color", "timestamp", "description",
      "author", "image", "thumbnail", "footer", "fields", "provider", "video");
  private static final Set<String> MENTION_KEYS = Set.of("parse", "users", "roles", "replied_user");
  private static final Set<String> MEDIA_KEYS = Set.of("url", "width", "height", "placeholder", "placeholder_version");

  private DiscordPayloadValidator() {}

  /** Every violation in {@code body}, each naming the JSON path; empty when the body is valid. */
  static List<String> validate(JsonNode body) {
    List<String> v = new ArrayList<>();
    if (!body.isObject()) {
      v.add("$: not an object");
      return v;
    }
    keys(body, MESSAGE_KEYS, "$", v);
    string(body.get("content"), CONTENT_MAX_SPEC, "$.content", v);
    if (body.path("content").isTextual() && body.path("content").asText().length() > CONTENT_MAX_BOT) {
      v.add("$.content: " + body.path("content").asText().length() + " > " + CONTENT_MAX_BOT + " (bot limit)");
    }
    array(body.get("sticker_ids"), STICKERS_MAX_ITEMS, "$.sticker_ids", v);
    array(body.get("components"), COMPONENTS_MAX_ITEMS, "$.components", v);
    array(body.get("attachments"), ATTACHMENTS_MAX_ITEMS, "$.attachments", v);
    nullableType(body.get("flags"), JsonNode::isIntegralNumber, "integer", "$.flags", v);
    nullableType(body.get("tts"), JsonNode::isBoolean, "boolean", "$.tts", v);
    nullableType(body.get("enforce_nonce"), JsonNode::isBoolean, "boolean", "$.enforce_nonce", v);
    JsonNode nonce = body.get("nonce");
    if (nonce != null && !nonce.isNull() && !nonce.isIntegralNumber()) {
      string(nonce, NONCE_MAX_LENGTH, "$.nonce", v);
    }
    mentions(body.get("allowed_mentions"), v);
    JsonNode embeds = body.get("embeds");
    array(embeds, EMBEDS_MAX_ITEMS, "$.embeds", v);
    int total = 0;
    if (embeds != null && embeds.isArray()) {
      for (int i = 0; i < embeds.size(); i++) {
        total += embed(embeds.get(i), "$.embeds[" + i + "]", v);
      }
    }
    if (total > EMBEDS_TOTAL_MAX) {
      v.add("$.embeds: " + total + " characters in all embeds > " + EMBEDS_TOTAL_MAX);
    }
    boolean hasContent = body.path("content").isTextual() && !body.path("content").asText().isEmpty();
    if (!hasContent && (embeds == null || embeds.isEmpty())) {
      v.add("$: empty message (no content, no embeds)");
    }
    return v;
  }

  /** Characters of one embed that count toward the 6,000 total. */
  static int embedLength(JsonNode e) {
    int n = e.path("title").asText("").length() + e.path("description").asText("").length()
        + e.path("footer").path("text").asText("").length() + e.path("author").path("name").asText("").length();
    for (JsonNode f : e.path("fields")) {
      n += f.path("name").asText("").length() + f.path("value").asText("").length();
    }
    return n;
  }

  private static int embed(JsonNode e, String at, List<String> v) {
    if (!e.isObject()) {
      v.add(at + ": not an object");
      return 0;
    }
    keys(e, EMBED_KEYS, at, v);
    string(e.get("title"), TITLE_MAX, at + ".title", v);
    string(e.get("description"), DESCRIPTION_MAX, at + ".description", v);
    uri(e.get("url"), at + ".url", v);
    JsonNode color = e.get("color");
    if (color != null && !color.isNull() && (!color.isIntegralNumber() || color.asLong() < 0 || color.asLong() > COLOR_MAX)) {
      v.add(at + ".color: " + color + " not in 0.." + COLOR_MAX);
    }
    JsonNode fields = e.get("fields");
    array(fields, FIELDS_MAX_ITEMS, at + ".fields", v);
    if (fields != null && fields.isArray()) {
      for (int i = 0; i < fields.size(); i++) {
        JsonNode f = fields.get(i);
        String fat = at + ".fields[" + i + "]";
        keys(f, Set.of("name", "value", "inline"), fat, v);
        required(f, "name", fat, v);
        required(f, "value", fat, v);
        string(f.get("name"), FIELD_NAME_MAX, fat + ".name", v);
        string(f.get("value"), FIELD_VALUE_MAX, fat + ".value", v);
        nullableType(f.get("inline"), JsonNode::isBoolean, "boolean", fat + ".inline", v);
      }
    }
    JsonNode footer = e.get("footer");
    if (footer != null && !footer.isNull()) {
      keys(footer, Set.of("text", "icon_url"), at + ".footer", v);
      string(footer.get("text"), FOOTER_TEXT_MAX, at + ".footer.text", v);
      uri(footer.get("icon_url"), at + ".footer.icon_url", v);
    }
    JsonNode author = e.get("author");
    if (author != null && !author.isNull()) {
      keys(author, Set.of("name", "url", "icon_url"), at + ".author", v);
      string(author.get("name"), AUTHOR_NAME_MAX, at + ".author.name", v);
      uri(author.get("url"), at + ".author.url", v);
      uri(author.get("icon_url"), at + ".author.icon_url", v);
    }
    for (String media : new String[] {"image", "thumbnail", "video"}) {
      JsonNode m = e.get(media);
      if (m != null && !m.isNull()) {
        keys(m, MEDIA_KEYS, at + "." + media, v);
        uri(m.get("url"), at + "." + media + ".url", v);
        string(m.get("placeholder"), PLACEHOLDER_MAX, at + "." + media + ".placeholder", v);
      }
    }
    return embedLength(e);
  }

  private static void mentions(JsonNode m, List<String> v) {
    if (m == null || m.isNull()) {
      return;
    }
    keys(m, MENTION_KEYS, "$.allowed_mentions", v);
    JsonNode parse = m.get("parse");
    if (parse != null && !parse.isNull()) {
      unique(parse, "$.allowed_mentions.parse", v);
      parse.forEach(p -> {
        if (!ALLOWED_MENTION_TYPES.contains(p.asText())) {
          v.add("$.allowed_mentions.parse: unknown type " + p);
        }
      });
    }
    for (String ids : new String[] {"users", "roles"}) {
      JsonNode list = m.get(ids);
      array(list, MENTION_IDS_MAX_ITEMS, "$.allowed_mentions." + ids, v);
      if (list != null && list.isArray()) {
        unique(list, "$.allowed_mentions." + ids, v);
        list.forEach(id -> {
          if (!id.isTextual() || !SNOWFLAKE.matcher(id.asText()).matches()) {
            v.add("$.allowed_mentions." + ids + ": not a snowflake: " + id);
          }
        });
      }
    }
    nullableType(m.get("replied_user"), JsonNode::isBoolean, "boolean", "$.allowed_mentions.replied_user", v);
  }

  private static void keys(JsonNode object, Set<String> known, String at, List<String> v) {
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      String key = property.getKey();
      if (!known.contains(key)) {
        v.add(at + ": unknown field " + key);
      }
    }
  }

  private static void required(JsonNode object, String key, String at, List<String> v) {
    if (!object.hasNonNull(key)) {
      v.add(at + ": missing required " + key);
    }
  }

  private static void string(JsonNode s, int max, String at, List<String> v) {
    if (s == null || s.isNull()) {
      return;
    }
    if (!s.isTextual()) {
      v.add(at + ": not a string");
    } else if (s.asText().length() > max) {
      v.add(at + ": " + s.asText().length() + " > maxLength " + max);
    }
  }

  private static void uri(JsonNode s, String at, List<String> v) {
    string(s, URL_MAX, at, v);
    if (s != null && s.isTextual() && !URI.matcher(s.asText()).matches()) {
      v.add(at + ": not a URI: " + s.asText());
    }
  }

  private static void array(JsonNode a, int maxItems, String at, List<String> v) {
    if (a == null || a.isNull()) {
      return;
    }
    if (!a.isArray()) {
      v.add(at + ": not an array");
    } else if (a.size() > maxItems) {
      v.add(at + ": " + a.size() + " items > maxItems " + maxItems);
    }
  }

  private static void unique(JsonNode a, String at, List<String> v) {
    Set<JsonNode> seen = new HashSet<>();
    a.forEach(x -> {
      if (!seen.add(x)) {
        v.add(at + ": duplicate " + x);
      }
    });
  }

  private static void nullableType(JsonNode n, java.util.function.Predicate<JsonNode> ok, String type, String at,
      List<String> v) {
    if (n != null && !n.isNull() && !ok.test(n)) {
      v.add(at + ": not " + type);
    }
  }
}
