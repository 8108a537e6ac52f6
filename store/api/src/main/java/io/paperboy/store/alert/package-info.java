/**
 * Keyword alerts: saved queries scoped to a workspace, each delivering to a channel or to its
 * creator's direct messages, and the batches of papers each alert delivery carries.
 */
package io.paperboy.store.alert;
