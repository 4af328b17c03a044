package io.zenapi.zendesk.webhooks;

import io.zenapi.zendesk.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery comes from Zendesk: its {@code X-Zendesk-Webhook-Signature} must be
 * {@code base64(HMAC-SHA256(secret, timestamp + body))}, the timestamp being the
 * {@code X-Zendesk-Webhook-Signature-Timestamp} header as sent and the body the raw bytes as received (an empty body,
 * as a GET or DELETE webhook sends, is signed as nothing), and the timestamp must be within the tolerance of now
 * (five minutes by default), so a captured delivery cannot be replayed later. The signatures are compared in constant
 * time ({@link MessageDigest#isEqual}). Thread-safe.
 *
 * <p><b>The order, timestamp then body.</b> Zendesk's current "Verifying webhook authenticity" page gives
 * {@code base64(HMACSHA256(TIMESTAMP + BODY))}, and its Node example signs the timestamp then the body; an older copy
 * of the page (under "event-connectors") says {@code (BODY)(TIMESTAMP)}. This class follows the current page, which
 * independent verifiers used against live Zendesk deliveries also follow. The secret is used as the UTF-8 bytes of the
 * string Zendesk shows (it is not base64-decoded), as in Zendesk's example.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(signingSecret);
 * verifier.verify(request.header("X-Zendesk-Webhook-Signature"),
 *     request.header("X-Zendesk-Webhook-Signature-Timestamp"), rawBody); // throws when it is not genuine
 * }</pre>
 */
public final class WebhookVerifier {
  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
  /** The header that carries the signed timestamp. */
  public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
  /** How far a delivery's timestamp may be from now unless said otherwise. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(String secret, Duration tolerance, Clock clock) {
    this.key = key(secret);
    if (tolerance == null || tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
    }
    this.tolerance = tolerance;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A verifier with the default tolerance and the system clock.
   *
   * @param signingSecret the webhook's signing secret ({@code GET /api/v2/webhooks/{id}/signing_secret})
   * @return the verifier
   * @throws IllegalArgumentException when the secret is null or blank
   */
  public static WebhookVerifier of(String signingSecret) {
    return new WebhookVerifier(signingSecret, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /**
   * A verifier with its own tolerance and clock (a fixed clock in tests).
   *
   * @param signingSecret the webhook's signing secret
   * @param tolerance how far the timestamp may be from now, either way
   * @param clock what "now" is
   * @return the verifier
   * @throws IllegalArgumentException when the secret is blank or the tolerance negative
   */
  public static WebhookVerifier of(String signingSecret, Duration tolerance, Clock clock) {
    return new WebhookVerifier(signingSecret, tolerance, clock);
  }

  /**
   * Checks a delivery.
   *
   * @param signature the {@code X-Zendesk-Webhook-Signature} header's value
   * @param timestamp the {@code X-Zendesk-Webhook-Signature-Timestamp} header's value
   * @param body the body's bytes as received (null or empty for none)
   * @throws WebhookVerificationException when a check fails; its {@link WebhookVerificationException#reason()}
   *     says which
   */
  public void verify(String signature, String timestamp, byte[] body) {
    if (signature == null || signature.isBlank()) {
      throw new WebhookVerificationException(Reason.MISSING_SIGNATURE, "the delivery has no " + SIGNATURE_HEADER
          + " header");
    }
    if (timestamp == null || timestamp.isBlank()) {
      throw new WebhookVerificationException(Reason.MISSING_TIMESTAMP, "the delivery has no " + TIMESTAMP_HEADER
          + " header");
    }
    Instant at = instant(timestamp.trim());
    Duration off = Duration.between(clock.instant(), at).abs();
    if (off.compareTo(tolerance) > 0) {
      throw new WebhookVerificationException(Reason.OUTSIDE_TOLERANCE, "the delivery's timestamp " + at
          + " is " + off.toSeconds() + " s from now, more than the " + tolerance.toSeconds() + " s allowed");
    }
    byte[] expected = mac(key, timestamp, body);
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      given = new byte[0]; // not base64: compared like any wrong signature, in the same time
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new WebhookVerificationException(Reason.BAD_SIGNATURE, "the delivery's signature does not match its"
          + " timestamp and body under this signing secret (a wrong secret, or a changed body)");
    }
  }

  /**
   * The signature Zendesk would send for this timestamp and body: for tests of a receiver (and the mock's
   * deliveries).
   *
   * @param signingSecret the signing secret
   * @param timestamp the timestamp, as it will be sent in the header
   * @param body the body's bytes (null or empty for none)
   * @return the base64 signature
   */
  public static String sign(String signingSecret, String timestamp, byte[] body) {
    return Base64.getEncoder().encodeToString(mac(key(signingSecret), Objects.requireNonNull(timestamp, "timestamp"),
        body));
  }

  private static SecretKeySpec key(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the signing secret must not be blank");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        mac.update(body);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e); // every JDK has it
    }
  }

  /** An ISO-8601 instant (Zendesk's form) or whole seconds since the epoch. */
  private static Instant instant(String timestamp) {
    try {
      if (timestamp.chars().allMatch(Character::isDigit) && timestamp.length() <= 12) {
        return Instant.ofEpochSecond(Long.parseLong(timestamp));
      }
      return java.time.OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_TIMESTAMP, "the delivery's timestamp is neither an"
          + " ISO-8601 date-time nor seconds since the epoch");
    }
  }
}
