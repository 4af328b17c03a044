package io.zenapi.zendesk.bench;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import okhttp3.ResponseBody;

/**
 * The floor: the loop a user writes by hand with OkHttp and Gson, binding each page into a plain POJO whose
 * timestamps stay strings.
 */
final class GsonFloor extends PojoLoop {
  private final Gson gson = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
      .create();
  private final TypeAdapter<BenchPage> adapter = gson.getAdapter(BenchPage.class);

  GsonFloor(String origin) {
    super(origin);
  }

  @Override
  public String name() {
    return "floor: OkHttp + Gson into a POJO";
  }

  @Override
  BenchPage read(ResponseBody body) throws Exception {
    return adapter.read(gson.newJsonReader(body.charStream()));
  }
}
