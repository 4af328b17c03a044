package io.zenapi.zendesk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import okhttp3.ResponseBody;

/** The same hand-written loop with Jackson databind reading the bytes into the same POJO: how far a binder can go. */
final class JacksonFloor extends PojoLoop {
  private final ObjectReader reader = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .readerFor(BenchPage.class);

  JacksonFloor(String origin) {
    super(origin);
  }

  @Override
  public String name() {
    return "floor: OkHttp + Jackson into a POJO";
  }

  @Override
  BenchPage read(ResponseBody body) throws Exception {
    return reader.readValue(body.byteStream());
  }
}
