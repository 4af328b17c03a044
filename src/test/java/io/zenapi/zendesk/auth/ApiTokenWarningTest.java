package io.zenapi.zendesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** API-token credentials keep working and log one warning naming the 2027-04-30 switch-off. */
class ApiTokenWarningTest {
  @Test
  void oneWarningNamingTheSwitchOffDateAndTheHeaderStillWorks() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    Logger jul = Logger.getLogger("io.zenapi.zendesk");
    jul.addHandler(capture);
    try {
      ApiTokenWarning.reset();
      Credentials first = Credentials.apiToken("agent@acme.com", "tok-123");
      Credentials.apiToken("other@acme.com", "tok-456");

      assertEquals(1, records.size(), "one warning per JVM");
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertTrue(records.get(0).getMessage().contains("2027-04-30"), records.get(0).getMessage());
      assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(
          "agent@acme.com/token:tok-123".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          first.authorizationHeader());
      assertTrue(!first.toString().contains("tok-123"), first.toString());
    } finally {
      jul.removeHandler(capture);
    }
  }
}
