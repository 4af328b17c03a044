package io.zenapi.zendesk.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zenapi.zendesk.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Verification against signatures computed here, independently of the class under test. */
class WebhookVerifierTest {
  private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
  private static final String TIMESTAMP = "2026-12-07T10:00:00Z";
  private static final Clock NOW = Clock.fixed(Instant.parse(TIMESTAMP).plusSeconds(20), ZoneOffset.UTC);
  private static final byte[] BODY = "{\"type\":\"zen:event-type:user.name_changed\",\"detail\":{\"name\":\"José Müller 日本\"}}"
      .getBytes(StandardCharsets.UTF_8);
  private final WebhookVerifier verifier = WebhookVerifier.of(SECRET, Duration.ofMinutes(5), NOW);

  /** base64(HMAC-SHA256(secret, timestamp + body)), computed with the JDK directly. */
  private static String expected(String secret, String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] message = new byte[timestamp.getBytes(StandardCharsets.UTF_8).length + body.length];
    byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(ts, 0, message, 0, ts.length);
    System.arraycopy(body, 0, message, ts.length, body.length);
    return Base64.getEncoder().encodeToString(mac.doFinal(message));
  }

  private Reason failure(String signature, String timestamp, byte[] body) {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
        () -> verifier.verify(signature, timestamp, body));
    assertFalse(e.getMessage().contains(SECRET), "the message never quotes the secret");
    if (signature != null && !signature.isBlank()) {
      assertFalse(e.getMessage().contains(signature), "the message never quotes the signature");
    }
    return e.reason();
  }

  @Test
  void aGenuineDeliveryWithNonAsciiTextPasses() throws Exception {
    assertDoesNotThrow(() -> verifier.verify(expected(SECRET, TIMESTAMP, BODY), TIMESTAMP, BODY));
    assertEquals(expected(SECRET, TIMESTAMP, BODY), WebhookVerifier.sign(SECRET, TIMESTAMP, BODY),
        "the signing helper for tests agrees");
  }

  @Test
  void anEmptyBodyIsSignedAsNothing() throws Exception {
    String signature = expected(SECRET, TIMESTAMP, new byte[0]);
    assertDoesNotThrow(() -> verifier.verify(signature, TIMESTAMP, new byte[0]));
    assertDoesNotThrow(() -> verifier.verify(signature, TIMESTAMP, null));
  }

  @Test
  void aTamperedBodyOrAWrongSecretOrAnotherTimestampIsABadSignature() throws Exception {
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("José", "Jose").getBytes(StandardCharsets.UTF_8);
    assertEquals(Reason.BAD_SIGNATURE, failure(expected(SECRET, TIMESTAMP, BODY), TIMESTAMP, tampered));
    assertEquals(Reason.BAD_SIGNATURE, failure(expected("another-secret", TIMESTAMP, BODY), TIMESTAMP, BODY));
    String later = "2026-12-07T10:00:01Z";
    assertEquals(Reason.BAD_SIGNATURE, failure(expected(SECRET, TIMESTAMP, BODY), later, BODY),
        "the timestamp is signed: moving it breaks the signature");
    assertEquals(Reason.BAD_SIGNATURE, failure("not base64 at all!", TIMESTAMP, BODY));
    assertEquals(Reason.BAD_SIGNATURE, failure(expected(SECRET, "", (TIMESTAMP + new String(BODY,
        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)).substring(1), TIMESTAMP, BODY));
  }

  @Test
  void aTimestampOutsideTheWindowEitherWayIsRefusedEvenWithAGoodSignature() throws Exception {
    String old = "2026-12-07T09:54:59Z"; // 5 min 21 s before now
    String future = "2026-12-07T10:05:21Z"; // 5 min 1 s after now
    assertEquals(Reason.OUTSIDE_TOLERANCE, failure(expected(SECRET, old, BODY), old, BODY));
    assertEquals(Reason.OUTSIDE_TOLERANCE, failure(expected(SECRET, future, BODY), future, BODY));
    String edge = "2026-12-07T09:55:20Z"; // exactly 5 min before now
    assertDoesNotThrow(() -> verifier.verify(expected(SECRET, edge, BODY), edge, BODY));
  }

  @Test
  void epochSecondsAreAcceptedAsATimestampToo() throws Exception {
    String epoch = Long.toString(Instant.parse(TIMESTAMP).getEpochSecond());
    assertDoesNotThrow(() -> verifier.verify(expected(SECRET, epoch, BODY), epoch, BODY));
  }

  @Test
  void missingHeadersAndAMalformedTimestampSayWhich() throws Exception {
    String signature = expected(SECRET, TIMESTAMP, BODY);
    assertEquals(Reason.MISSING_SIGNATURE, failure(null, TIMESTAMP, BODY));
    assertEquals(Reason.MISSING_SIGNATURE, failure(" ", TIMESTAMP, BODY));
    assertEquals(Reason.MISSING_TIMESTAMP, failure(signature, null, BODY));
    assertEquals(Reason.MISSING_TIMESTAMP, failure(signature, "", BODY));
    assertEquals(Reason.MALFORMED_TIMESTAMP, failure(signature, "yesterday", BODY));
  }

  @Test
  void aBlankSecretOrANegativeToleranceIsRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.of(" "));
    assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.of(null));
    assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.of(SECRET, Duration.ofSeconds(-1), NOW));
  }
}
