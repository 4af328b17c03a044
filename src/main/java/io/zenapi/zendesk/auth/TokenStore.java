package io.zenapi.zendesk.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where rotated OAuth tokens are kept. Zendesk deletes a refresh token when it issues a new one, so the new pair
 * is saved here <b>before</b> the client uses it; if saving fails, the client stops with
 * {@link io.zenapi.zendesk.errors.TokenStoreException} and does not send the new token (it tries to save it again on
 * the next call, so the pair is not lost while the process lives).
 */
public interface TokenStore {
  /** Saves the pair durably; throws when it could not. */
  void save(OAuthTokens tokens) throws IOException;

  /** The last pair saved, if any. */
  Optional<OAuthTokens> load() throws IOException;

  /**
   * A store in one file, written atomically (temporary file, then rename) and readable by its owner only
   * (rw-------, on file systems that support POSIX permissions).
   */
  static TokenStore file(Path path) {
    return new FileTokenStore(path);
  }
}
