package io.paperboy.testkit.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One workspace the app is in: its bot user, its channels and users, and what was posted and
 * uploaded there. Every bot token belongs to exactly one team; a call with it sees only this
 * team's channels.
 */
public final class FakeTeam {

  private final String id;
  private final String name;
  private final String botUserId;
  private final String botId;
  private final Optional<String> enterpriseId;
  final Map<String, FakeSlack.Membership> channels = new ConcurrentHashMap<>();
  final Map<String, boolean[]> users = new ConcurrentHashMap<>();
  final List<PostedMessage> messages;
  final List<SlackUpload> uploads = new CopyOnWriteArrayList<>();

  FakeTeam(String id, String name, String botUserId, String botId, Optional<String> enterpriseId,
      List<PostedMessage> allMessages) {
    this.id = id;
    this.name = name;
    this.botUserId = botUserId;
    this.botId = botId;
    this.enterpriseId = enterpriseId;
    this.messages = allMessages;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The workspace's subdomain, {@code https://<domain>.slack.com/}. */
  public String domain() {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** The app's bot user in this workspace ({@code bot_user_id}, {@code auth.test}'s {@code user_id}). */
  public String botUserId() {
    return botUserId;
  }

  public String botId() {
    return botId;
  }

  public Optional<String> enterpriseId() {
    return enterpriseId;
  }

  public FakeTeam channel(String channelId, FakeSlack.Membership membership) {
    channels.put(channelId, membership);
    return this;
  }

  public FakeTeam user(String userId, boolean admin, boolean owner) {
    users.put(userId, new boolean[] {admin, owner});
    return this;
  }

  /** Messages accepted in one of this team's channels, in posting order. */
  public List<PostedMessage> messages(String channel) {
    return messages.stream().filter(m -> m.teamId().equals(id) && m.channel().equals(channel)).toList();
  }

  /** Every message accepted in this team, in posting order. */
  public List<PostedMessage> allMessages() {
    return new ArrayList<>(messages.stream().filter(m -> m.teamId().equals(id)).toList());
  }

  /** Files shared into one of this team's channels, in completion order. */
  public List<SlackUpload> uploads(String channel) {
    return uploads.stream().filter(u -> u.channel().equals(channel)).toList();
  }

  public List<SlackUpload> uploads() {
    return List.copyOf(uploads);
  }
}
