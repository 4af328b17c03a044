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
  /**
   * Saves the pair durably; throws when it could not.
   *
   * @param tokens the pair to save
   * @throws IOException when the pair could not be saved
   */
  void save(OAuthTokens tokens) throws IOException;

  /**
   * The last pair saved, if any.
   *
   * @return the pair, or empty when none was saved
   * @throws IOException when the store cannot be read
   */
  Optional<OAuthTokens> load() throws IOException;

  /**
   * A store in one file, written atomically (temporary file, then rename) and readable by its owner only
   * (rw-------, on file systems that support POSIX permissions).
   *
   * @param path the file; missing parent directories are created when saving
   * @return a store in that file
   * @throws IllegalArgumentException when the path is null
   */
  static TokenStore file(Path path) {
    return new FileTokenStore(path);
  }
}
