/**
 * Who this process is among the instances that share a database: its instance id (pid and host,
 * written into leases and Quartz's cluster table) and, on SQLite, the lock that keeps a second
 * {@code paperboy run} off a file that only one process may own.
 */
package io.paperboy.bot.instance;
