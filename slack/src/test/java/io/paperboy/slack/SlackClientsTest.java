package io.paperboy.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackClients: the SDK on JDA's OkHttp 5, at a configurable URL, without Nagle")
class SlackClientsTest {

  @Test
  @DisplayName("the Slack client runs on OkHttp 5 (the OkHttp 4 that Slack's modules bring is excluded)")
  void okHttp5() throws Exception {
    assertThat(okhttp3.OkHttp.VERSION).startsWith("5.");
    // OkHttp 4 and 5 share class names; a second jar would show up as a second code source
    assertThat(Collections.list(Thread.currentThread().getContextClassLoader()
        .getResources("okhttp3/OkHttpClient.class"))).hasSize(1);
  }

  @Test
  @DisplayName("the Web API base URL is the configured one, and sockets have TCP_NODELAY")
  void configured() throws Exception {
    Slack slack = SlackClients.create(URI.create("http://127.0.0.1:1/api/"));
    assertThat(slack.getConfig().getMethodsEndpointUrlPrefix()).isEqualTo("http://127.0.0.1:1/api/");

    try (ServerSocket server = new ServerSocket(0);
         Socket socket = slack.getHttpClient().getOkHttpClient().socketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
      try (Socket connected = new io.paperboy.core.net.NoDelaySocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
        assertThat(connected.getTcpNoDelay()).isTrue();
      }
    }
  }
}
