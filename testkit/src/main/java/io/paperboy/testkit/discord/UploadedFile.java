package io.paperboy.testkit.discord;

/**
 * A file the fake accepted as a message attachment.
 *
 * @param channelId    the channel the message went to
 * @param messageId    the message it is attached to
 * @param attachmentId the attachment's id in the answered message
 * @param url          where the fake serves the bytes (its stand-in for Discord's CDN)
 * @param file         the uploaded part
 */
public record UploadedFile(String channelId, String messageId, String attachmentId, String url, FilePart file) {

  public String filename() {
    return file.filename();
  }

  public byte[] bytes() {
    return file.bytes();
  }
}
