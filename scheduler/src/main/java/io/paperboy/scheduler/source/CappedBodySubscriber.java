package io.paperboy.scheduler.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up as soon as it passes {@code limit} bytes, so an endless or
 * huge body costs at most the limit. Also notices a body that ends before its {@code Content-Length}.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

  /** Why a body could not be used; {@code transientFailure} tells the poller whether asking again may help. */
  static final class BodyProblem extends IOException {
    private static final long serialVersionUID = 1L;
    final boolean transientFailure;

    BodyProblem(String message, boolean transientFailure, Throwable cause) {
      super(message, cause);
      this.transientFailure = transientFailure;
    }
  }

  private final long limit;
  private final OptionalLong declaredLength;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long received;

  CappedBodySubscriber(long limit, OptionalLong declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength.isPresent() && declaredLength.getAsLong() > limit) {
      s.cancel();
      result.completeExceptionally(new BodyProblem("Content-Length " + declaredLength.getAsLong()
          + " exceeds the " + Messages.bytes(limit) + " limit; not read", false, null));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      received += item.remaining();
      if (received > limit) {
        subscription.cancel();
        result.completeExceptionally(new BodyProblem("body exceeds the " + Messages.bytes(limit)
            + " limit; stopped reading after " + received + " bytes", false, null));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    if (declaredLength.isPresent() && received < declaredLength.getAsLong()) {
      result.completeExceptionally(truncated(t));
    } else {
      result.completeExceptionally(t);
    }
  }

  @Override
  public void onComplete() {
    if (declaredLength.isPresent() && received != declaredLength.getAsLong()) {
      result.completeExceptionally(truncated(null));
    } else {
      result.complete(buffer.toByteArray());
    }
  }

  private BodyProblem truncated(Throwable cause) {
    return new BodyProblem("body truncated: the connection ended after " + received + " of "
        + declaredLength.getAsLong() + " bytes (Content-Length)", true, cause);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
