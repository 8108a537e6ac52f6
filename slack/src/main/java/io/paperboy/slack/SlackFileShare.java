package io.paperboy.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.paperboy.core.format.TextCut;
import io.paperboy.core.message.Block;
import java.io.IOException;
import java.util.Optional;

/**
 * Shares an attached image (a chart) into a channel with the SDK's {@code filesUploadV2}, i.e.
 * Slack's external upload: {@code files.getUploadURLExternal} (name, length, alt text), the bytes
 * POSTed to the URL it answers, then {@code files.completeUploadExternal} with the channel, which
 * posts the file there as the bot. Needs the {@code files:write} scope, and the bot must be in the
 * channel (Slack answers {@code not_in_channel} otherwise, even with {@code chat:write.public}).
 */
final class SlackFileShare {

  /** Slack refuses longer alt text ({@code alt_txt_too_large}). */
  static final int MAX_ALT_TEXT = 1_000;
  /** A file title is one line in Slack's file header; ours is the message's header. */
  static final int MAX_TITLE = 250;

  private SlackFileShare() {}

  /**
   * Posts {@code attachment} to {@code channelId} under {@code title}.
   *
   * @return empty when Slack shared it, else why not (Slack's error code, or the I/O failure)
   */
  static Optional<String> share(MethodsClient client, String channelId, Block.Attachment attachment, String title) {
    byte[] png = attachment.png();
    try {
      FilesUploadV2Response response = client.filesUploadV2(r -> r
          .channel(channelId)
          .filename(attachment.fileName())
          .title(TextCut.cut(title, MAX_TITLE))
          .altTxt(attachment.altText().isBlank() ? null : TextCut.cut(attachment.altText(), MAX_ALT_TEXT))
          .fileData(png));
      return response.isOk() ? Optional.empty() : Optional.of(String.valueOf(response.getError()));
    } catch (SlackFilesUploadV2Exception e) {
      return Optional.of(error(e));
    } catch (SlackApiException e) {
      return Optional.of("HTTP " + e.getResponse().code());
    } catch (IOException e) {
      return Optional.of(e.toString());
    }
  }

  /** The first error Slack gave in the three steps. */
  private static String error(SlackFilesUploadV2Exception e) {
    if (e.getGetURLResponses() != null) {
      for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
        if (!r.isOk()) {
          return String.valueOf(r.getError());
        }
      }
    }
    if (e.getCompleteResponse() != null && !e.getCompleteResponse().isOk()) {
      return String.valueOf(e.getCompleteResponse().getError());
    }
    return "upload_failed";
  }
}
