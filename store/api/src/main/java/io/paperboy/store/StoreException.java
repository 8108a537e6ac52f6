package io.paperboy.store;

/**
 * The database failed or refused: it cannot be opened, its schema is newer than this code, a
 * statement failed, or the stores were closed. The message says which database and what was being
 * done. Every backend throws it for its own failures, so callers never see a driver's exception.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
