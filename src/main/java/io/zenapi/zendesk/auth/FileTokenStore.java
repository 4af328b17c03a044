package io.zenapi.zendesk.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/** {@link TokenStore#file(Path)}: one JSON file, replaced atomically, owner-only permissions. */
final class FileTokenStore implements TokenStore {
  private final Path path;

  FileTokenStore(Path path) {
    if (path == null) {
      throw new IllegalArgumentException("token store path must not be null");
    }
    this.path = path.toAbsolutePath();
  }

  @Override
  public synchronized void save(OAuthTokens tokens) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("access_token", tokens.accessToken());
    o.addProperty("refresh_token", tokens.refreshToken());
    o.addProperty("access_expires_at", tokens.accessExpiresAt() == null ? null : tokens.accessExpiresAt().toString());
    o.addProperty("refresh_expires_at", tokens.refreshExpiresAt() == null ? null
        : tokens.refreshExpiresAt().toString());
    Path dir = path.getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path tmp = posix
        ? Files.createTempFile(dir, ".tokens", ".tmp", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".tokens", ".tmp");
    try {
      Files.writeString(tmp, o.toString(), StandardCharsets.UTF_8);
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public synchronized Optional<OAuthTokens> load() throws IOException {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IOException("token store " + path + " is not a token file written by this client", e);
    }
    return Optional.of(new OAuthTokens(text(o, "access_token"), text(o, "refresh_token"),
        instant(o, "access_expires_at"), instant(o, "refresh_expires_at")));
  }

  private static String text(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
  }

  private static Instant instant(JsonObject o, String key) {
    String t = text(o, key);
    return t == null ? null : Instant.parse(t);
  }

  @Override
  public String toString() {
    return "TokenStore.file(" + path + ")";
  }
}
