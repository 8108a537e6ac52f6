/**
 * Which database backs the stores: the setting ({@code DatabaseSetting}: a SQLite file or a
 * PostgreSQL URL, shown without credentials) and the factory that opens it ({@code Backends}).
 */
package io.paperboy.bot.database;
