/**
 * The platform-neutral message model: a small tree of blocks (header, paper cards, text,
 * context, divider, image) that commands return and each platform's renderer draws. Knows no
 * platform and imports neither JDA nor Bolt (an architecture test enforces it).
 */
package io.paperboy.core.message;
