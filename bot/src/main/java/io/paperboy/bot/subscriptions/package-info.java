/**
 * Subscriptions to the daily post: the commands {@code /subscribe}, {@code /unsubscribe},
 * {@code /subscriptions} and {@code /preview}, and what they share with the CLI's
 * {@code paperboy subscriptions}: parsing the settings ({@link io.paperboy.bot.subscriptions.SubscriptionChanges}),
 * applying them ({@link io.paperboy.bot.subscriptions.Subscribing}) and describing a subscription
 * with its next post ({@link io.paperboy.bot.subscriptions.SubscriptionText}). Platform-neutral.
 */
package io.paperboy.bot.subscriptions;
