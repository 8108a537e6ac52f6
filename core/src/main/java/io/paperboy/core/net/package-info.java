/** Networking details shared by every platform client: sockets with Nagle's algorithm off. */
package io.paperboy.core.net;
