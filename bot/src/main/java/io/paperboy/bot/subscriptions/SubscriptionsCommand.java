package io.paperboy.bot.subscriptions;

import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /subscriptions}: this guild's or workspace's subscribed channels, each with its settings,
 * next post and last delivery (sent, failed with its reason, paused). Nothing of other workspaces.
 */
public final class SubscriptionsCommand implements Command {

  static final CommandDefinition DEFINITION = CommandDefinition.of("subscriptions",
      "This server's or workspace's daily-post channels, next posts and last deliveries");

  private final SubscriptionStore subscriptions;
  private final DeliveryReports outbox;

  public SubscriptionsCommand(SubscriptionStore subscriptions, DeliveryReports outbox) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public CommandDefinition definition() {
    return DEFINITION;
  }

  @Override
  public Message handle(CommandRequest request) {
    ChannelRef here = request.channel();
    List<Subscription> list = subscriptions.inWorkspace(here.platform(), here.workspace());
    if (list.isEmpty()) {
      return Message.ephemeralText("No channel here gets the daily post yet. `/subscribe` in a channel starts one.");
    }
    Map<ChannelRef, Delivery> latest = outbox.latestPerChannel(here.platform(), here.workspace());
    Message.Builder b = Message.builder().header("Daily-post subscriptions (" + list.size() + ")");
    for (Subscription s : list) {
      StringBuilder text = new StringBuilder();
      text.append("**").append(SubscriptionText.channel(s.channel())).append("**")
          .append(s.channel().equals(here) ? " (this channel)" : "")
          .append(s.paused() ? " — **paused**" : "").append('\n')
          .append(SubscriptionText.settings(s)).append('\n')
          .append("Next post: ").append(SubscriptionText.nextPost(s, request.now())).append('\n')
          .append("Last delivery: ").append(latest.containsKey(s.channel())
              ? SubscriptionText.status(latest.get(s.channel()), s.zone()) : "none yet");
      b.text(text.toString());
    }
    return b.ephemeral(true).build();
  }
}
