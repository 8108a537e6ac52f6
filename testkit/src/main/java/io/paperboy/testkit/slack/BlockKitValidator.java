package io.paperboy.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks blocks the way Slack does before it accepts a message, with Slack's published limits,
 * and words each problem like Slack's {@code invalid_blocks} errors:
 * {@code must be less than 3001 characters [json-pointer:/blocks/3/text/text]}. Independent of
 * the renderer's own constants on purpose.
 */
public final class BlockKitValidator {

  public static final int MAX_BLOCKS = 50;
  public static final int MAX_SECTION_TEXT = 3_000;
  public static final int MAX_SECTION_FIELDS = 10;
  public static final int MAX_FIELD_TEXT = 2_000;
  public static final int MAX_HEADER_TEXT = 150;
  public static final int MAX_CONTEXT_ELEMENTS = 10;
  public static final int MAX_TEXT_OBJECT = 3_000;
  public static final int MAX_IMAGE_URL = 3_000;
  public static final int MAX_ALT_TEXT = 2_000;
  public static final int MAX_BLOCK_ID = 255;
  /** The undocumented ceiling on all text of a message's blocks, behind {@code msg_blocks_too_long}. */
  public static final int MAX_TOTAL_TEXT = 12_000;

  private static final Set<String> TEXT_TYPES = Set.of("plain_text", "mrkdwn");

  private final List<String> errors = new ArrayList<>();

  private BlockKitValidator() {}

  /** Slack's error strings for these blocks; empty when Slack would accept them. */
  public static List<String> validate(JsonNode blocks) {
    BlockKitValidator v = new BlockKitValidator();
    v.blocks(blocks);
    return v.errors;
  }

  /** All text of the blocks' text objects, as counted against {@link #MAX_TOTAL_TEXT}. */
  public static int totalText(JsonNode node) {
    int total = 0;
    if (node.isObject() && node.path("text").isTextual() && TEXT_TYPES.contains(node.path("type").asText())) {
      total += node.get("text").asText().length();
    }
    for (JsonNode child : node) {
      total += totalText(child);
    }
    return total;
  }

  private void blocks(JsonNode blocks) {
    if (!blocks.isArray()) {
      errors.add("must be an array [json-pointer:/blocks]");
      return;
    }
    if (blocks.size() > MAX_BLOCKS) {
      errors.add("no more than " + MAX_BLOCKS + " items allowed [json-pointer:/blocks]");
    }
    for (int i = 0; i < blocks.size(); i++) {
      block(blocks.get(i), "/blocks/" + i);
    }
  }

  private void block(JsonNode block, String at) {
    if (block.has("block_id")) {
      length(block.get("block_id"), 1, MAX_BLOCK_ID, at + "/block_id");
    }
    String type = block.path("type").asText("");
    switch (type) {
      case "header" -> textObject(block.get("text"), Set.of("plain_text"), MAX_HEADER_TEXT, at + "/text");
      case "section" -> section(block, at);
      case "context" -> context(block, at);
      case "divider" -> { }
      case "image" -> image(block, at);
      default -> errors.add("unsupported type `" + type + "` [json-pointer:" + at + "/type]");
    }
  }

  private void section(JsonNode block, String at) {
    if (!block.has("text") && !block.has("fields")) {
      errors.add("must provide either text or fields [json-pointer:" + at + "]");
    }
    if (block.has("text")) {
      textObject(block.get("text"), TEXT_TYPES, MAX_SECTION_TEXT, at + "/text");
    }
    if (block.has("fields")) {
      JsonNode fields = block.get("fields");
      if (fields.size() > MAX_SECTION_FIELDS) {
        errors.add("no more than " + MAX_SECTION_FIELDS + " items allowed [json-pointer:" + at + "/fields]");
      }
      for (int i = 0; i < fields.size(); i++) {
        textObject(fields.get(i), TEXT_TYPES, MAX_FIELD_TEXT, at + "/fields/" + i);
      }
    }
    if (block.has("accessory")) {
      JsonNode accessory = block.get("accessory");
      if (!"image".equals(accessory.path("type").asText())) {
        errors.add("unsupported accessory type [json-pointer:" + at + "/accessory/type]");
      } else {
        image(accessory, at + "/accessory");
      }
    }
  }

  private void context(JsonNode block, String at) {
    JsonNode elements = block.path("elements");
    if (!elements.isArray() || elements.isEmpty()) {
      errors.add("must provide at least 1 item [json-pointer:" + at + "/elements]");
      return;
    }
    if (elements.size() > MAX_CONTEXT_ELEMENTS) {
      errors.add("no more than " + MAX_CONTEXT_ELEMENTS + " items allowed [json-pointer:" + at + "/elements]");
    }
    for (int i = 0; i < elements.size(); i++) {
      JsonNode e = elements.get(i);
      if ("image".equals(e.path("type").asText())) {
        image(e, at + "/elements/" + i);
      } else {
        textObject(e, TEXT_TYPES, MAX_TEXT_OBJECT, at + "/elements/" + i);
      }
    }
  }

  private void image(JsonNode image, String at) {
    length(image.get("image_url"), 1, MAX_IMAGE_URL, at + "/image_url");
    length(image.get("alt_text"), 1, MAX_ALT_TEXT, at + "/alt_text");
    if (image.path("image_url").isTextual() && !image.get("image_url").asText().matches("https?://\\S+")) {
      errors.add("must be a valid URL [json-pointer:" + at + "/image_url]");
    }
  }

  private void textObject(JsonNode text, Set<String> types, int max, String at) {
    if (text == null || !text.isObject()) {
      errors.add("must be an object [json-pointer:" + at + "]");
      return;
    }
    if (!types.contains(text.path("type").asText())) {
      errors.add("must be one of " + types + " [json-pointer:" + at + "/type]");
    }
    length(text.get("text"), 1, max, at + "/text");
    if (text.has("verbatim") && !"mrkdwn".equals(text.path("type").asText())) {
      errors.add("verbatim is only allowed on mrkdwn [json-pointer:" + at + "/verbatim]");
    }
  }

  private void length(JsonNode value, int min, int max, String at) {
    if (value == null || !value.isTextual()) {
      errors.add("must be a string [json-pointer:" + at + "]");
      return;
    }
    int n = value.asText().length();
    if (n < min) {
      errors.add("must be more than " + (min - 1) + " characters [json-pointer:" + at + "]");
    } else if (n > max) {
      errors.add("must be less than " + (max + 1) + " characters [json-pointer:" + at + "]");
    }
  }
}
