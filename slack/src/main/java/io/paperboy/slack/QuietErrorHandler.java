package io.paperboy.slack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages without detail: the status and a fixed word, never the exception's message,
 * its stack or the servlet's name (Jetty's default page shows all three, which is how a malformed
 * body once answered with a Java stack trace). Covers the errors Jetty answers itself, too: a
 * request line or headers too large (431), a bad request line (400), an unknown path (404).
 */
final class QuietErrorHandler extends ErrorHandler {

  QuietErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    byte[] json = body(code);
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
    baseRequest.setHandled(true);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    fields.put("Content-Type", "application/json");
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int status) {
    return ("{\"error\":" + status + "}").getBytes(StandardCharsets.UTF_8);
  }
}
