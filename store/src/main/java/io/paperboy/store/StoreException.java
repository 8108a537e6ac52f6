package io.paperboy.store;

/**
 * The database failed or refused: it cannot be opened, its schema is newer than this code, or a
 * statement failed. The message says which file and what was being done.
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
