package io.paperboy.testkit.slack;

import java.util.Optional;

/**
 * A file shared into a channel through {@code files.getUploadURLExternal}, the upload POST and
 * {@code files.completeUploadExternal}.
 *
 * @param teamId         the workspace
 * @param channel        the channel it was shared to
 * @param fileId         Slack's file id ({@code F…})
 * @param filename       the name given to {@code files.getUploadURLExternal}
 * @param title          the title given to {@code files.completeUploadExternal}
 * @param bytes          the bytes POSTed to the upload URL, exactly as received
 * @param initialComment the message text shared with it, if any
 * @param threadTs       the thread it was shared into, if any
 * @param messageTs      the ts of the message that shares it
 */
public record SlackUpload(String teamId, String channel, String fileId, String filename, String title, byte[] bytes,
    Optional<String> initialComment, Optional<String> threadTs, String messageTs) {}
