package io.zenapi.zendesk.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.zenapi.zendesk.ZendeskModel;
import io.zenapi.zendesk.search.OtherSearchResult;
import io.zenapi.zendesk.search.SearchResult;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds every generated model ({@link ZendeskModel}) in one streaming pass, like Gson's reflective adapter, and
 * also keeps what that adapter drops: members the model has no field for go to
 * {@link ZendeskModel#additionalProperties()}, and members sent as {@code null} are recorded in
 * {@link ZendeskModel#explicitNulls()}. Writing emits the fields that have a value, the explicit nulls, then the
 * additional members in their order, so a model read and written again loses nothing.
 */
public final class ModelAdapterFactory implements TypeAdapterFactory {
  @Override
  @SuppressWarnings("unchecked")
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (raw == SearchResult.class) {
      return (TypeAdapter<T>) new SearchResultAdapter(gson);
    }
    if (!ZendeskModel.class.isAssignableFrom(raw) || raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    return new ModelAdapter<>(gson, raw);
  }

  /**
   * The search result union: each object is bound to the model its {@code result_type} names
   * ({@link SearchResult#TYPES}), any other type to an {@link OtherSearchResult} that keeps every member. The object
   * is read as a tree first, since the type may come after other members.
   */
  private static final class SearchResultAdapter extends TypeAdapter<SearchResult> {
    private final Gson gson;
    private final TypeAdapter<JsonElement> elements;

    SearchResultAdapter(Gson gson) {
      this.gson = gson;
      this.elements = gson.getAdapter(JsonElement.class);
    }

    @Override
    public SearchResult read(JsonReader in) throws IOException {
      JsonElement tree = elements.read(in);
      if (tree == null || tree.isJsonNull()) {
        return null;
      }
      if (!tree.isJsonObject()) {
        throw new JsonParseException("expected a search result object at " + in.getPath());
      }
      JsonElement discriminator = tree.getAsJsonObject().get(SearchResult.DISCRIMINATOR);
      Class<? extends SearchResult> model = discriminator != null && discriminator.isJsonPrimitive()
          ? SearchResult.TYPES.get(discriminator.getAsString()) : null;
      if (model != null) {
        return gson.getAdapter(model).fromJsonTree(tree);
      }
      OtherSearchResult other = new OtherSearchResult();
      tree.getAsJsonObject().entrySet().forEach(e -> other.additionalProperties().put(e.getKey(), e.getValue()));
      return other;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(JsonWriter out, SearchResult value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else if (value instanceof OtherSearchResult other) {
        out.beginObject();
        for (Map.Entry<String, JsonElement> e : other.additionalProperties().entrySet()) {
          writeMember(out, elements, e.getKey(), e.getValue());
        }
        out.endObject();
      } else {
        ((TypeAdapter) gson.getAdapter(value.getClass())).write(out, value);
      }
    }
  }

  /** One model class: its fields by JSON name, each with the adapter of its type. */
  private static final class ModelAdapter<T> extends TypeAdapter<T> {
    private final Class<? super T> type;
    private static final Object[] NO_ARGS = {};
    /** How many combinations of nulls a model class shares at most; past that, each model gets its own set. */
    private static final int MAX_SHARED_NULLS = 256;
    private final Constructor<? super T> constructor;
    private final Map<String, Bound> byName = new HashMap<>();
    private final List<Bound> inOrder = new ArrayList<>();
    /** The model's {@code zendeskExplicitNulls} field, or null when the class keeps its nulls another way. */
    private final Field nullsField;
    /** The shared explicit nulls by the bits of their fields' positions (the first 64 fields). */
    private final Map<Long, SharedNames> sharedNulls = new java.util.concurrent.ConcurrentHashMap<>();
    /** The shared nulls given last; immutable, so threads may see an older one (then the map answers). */
    private SharedNames lastNulls;
    private final TypeAdapter<JsonElement> elements;

    ModelAdapter(Gson gson, Class<? super T> type) {
      this.type = type;
      this.elements = gson.getAdapter(JsonElement.class);
      try {
        this.constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no no-argument constructor", e);
      }
      List<Class<?>> hierarchy = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        hierarchy.add(0, c); // superclass fields first, as Gson orders them
      }
      for (Class<?> c : hierarchy) {
        for (Field f : c.getDeclaredFields()) {
          int mods = f.getModifiers();
          SerializedName name = f.getAnnotation(SerializedName.class);
          if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || name == null) {
            continue;
          }
          f.setAccessible(true);
          Bound b = new Bound(name.value(), f, gson.getAdapter(TypeToken.get(f.getGenericType())), inOrder.size());
          byName.put(b.name, b);
          inOrder.add(b);
        }
      }
      this.nullsField = nullsField(type);
    }

    /**
     * The model's explicit nulls as they are: a shared set is read, not copied, and no set is made for a model that
     * has none (its {@code explicitNulls()} would do either).
     */
    @SuppressWarnings("unchecked")
    private java.util.Set<String> nullsOf(Object model, ZendeskModel extras) {
      if (nullsField == null) {
        return extras.explicitNulls();
      }
      try {
        java.util.Set<String> nulls = (java.util.Set<String>) nullsField.get(model);
        return nulls == null ? java.util.Set.of() : nulls;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read the nulls of " + type.getName(), e);
      }
    }

    /** The generated models' field for their explicit nulls (see additional_properties.mustache), if any. */
    private static Field nullsField(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        try {
          Field f = c.getDeclaredField("zendeskExplicitNulls");
          if (f.getType() == java.util.Set.class) {
            f.setAccessible(true);
            return f;
          }
        } catch (NoSuchFieldException e) {
          // not declared here: look in the superclass
        }
      }
      return null;
    }

    /**
     * Gives {@code model} the explicit nulls whose field positions are the bits of {@code nulls}: a set shared
     * with the models that have the same ones, or its own names added to a set it already has.
     */
    private void setNulls(Object model, ZendeskModel extras, long nulls) throws IllegalAccessException {
      if (nullsField.get(model) != null) {
        for (long bits = nulls; bits != 0; bits &= bits - 1) {
          extras.explicitNulls().add(inOrder.get(Long.numberOfTrailingZeros(bits)).name);
        }
        return;
      }
      SharedNames shared = lastNulls; // nearly always the same as the last model's: no boxed key then
      if (shared == null || shared.bits != nulls) {
        shared = sharedNulls.get(nulls);
      }
      if (shared == null) {
        String[] names = new String[Long.bitCount(nulls)];
        int i = 0;
        for (long bits = nulls; bits != 0; bits &= bits - 1) {
          names[i++] = inOrder.get(Long.numberOfTrailingZeros(bits)).name;
        }
        shared = new SharedNames(names, nulls);
        if (sharedNulls.size() < MAX_SHARED_NULLS) {
          sharedNulls.putIfAbsent(nulls, shared);
        }
      }
      lastNulls = shared;
      nullsField.set(model, shared);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw new JsonParseException("expected an object for " + type.getSimpleName() + " at " + in.getPath()
            + " but was " + in.peek());
      }
      T model;
      try {
        model = (T) constructor.newInstance(NO_ARGS); // not newInstance(): that allocates an array per object
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + type.getName(), e);
      }
      ZendeskModel extras = (ZendeskModel) model;
      long nulls = 0; // the explicit nulls among the first 64 fields, by position
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        Bound b = byName.get(name);
        if (b == null) {
          extras.additionalProperties().put(name, elements.read(in));
        } else if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          if (b.index < 64 && nullsField != null) {
            nulls |= 1L << b.index;
          } else {
            extras.explicitNulls().add(name);
          }
        } else if (b.oneOrListOfOne && in.peek() == JsonToken.BEGIN_ARRAY) {
          b.set(model, readListOfOne(in, b));
        } else {
          b.set(model, b.adapter.read(in));
        }
      }
      in.endObject();
      if (nulls != 0) {
        try {
          setNulls(model, extras, nulls);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot record the nulls of " + type.getName(), e);
        }
      }
      return model;
    }

    /** The one object of a list of one, for a field that Zendesk sends either way ({@link OneOrListOfOne}). */
    private Object readListOfOne(JsonReader in, Bound b) throws IOException {
      in.beginArray();
      Object value = in.hasNext() ? b.adapter.read(in) : null;
      if (in.hasNext()) {
        throw new JsonParseException("expected one " + b.name + " at " + in.getPath() + " but the list has more");
      }
      in.endArray();
      return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, T value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      ZendeskModel extras = (ZendeskModel) value;
      java.util.Set<String> nulls = nullsOf(value, extras);
      out.beginObject();
      for (Bound b : inOrder) {
        Object v = b.get(value);
        if (v != null) {
          out.name(b.name);
          b.adapter.write(out, v);
        } else if (nulls.contains(b.name)) {
          writeMember(out, elements, b.name, null);
        }
      }
      for (Map.Entry<String, JsonElement> e : extras.additionalProperties().entrySet()) {
        if (byName.containsKey(e.getKey())) {
          throw new IllegalStateException("additionalProperties() of " + type.getSimpleName() + " holds '"
              + e.getKey() + "', which is one of its fields: set the field instead");
        }
        writeMember(out, elements, e.getKey(), e.getValue());
      }
      out.endObject();
    }
  }

  /**
   * Writes one member exactly as it is, nulls included (its own and any inside it): the writer drops object members
   * that are null by default, which would lose a member that came as null, or a null nested in a kept member.
   */
  private static void writeMember(JsonWriter out, TypeAdapter<JsonElement> elements, String name, JsonElement value)
      throws IOException {
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    out.name(name);
    if (value == null || value.isJsonNull()) {
      out.nullValue();
    } else {
      elements.write(out, value);
    }
    out.setSerializeNulls(serializeNulls);
  }

  /** One field and the adapter of its declared type. */
  private static final class Bound {
    final String name;
    final Field field;
    @SuppressWarnings("rawtypes")
    final TypeAdapter adapter;
    final boolean oneOrListOfOne;
    /** The field's position among the model's fields. */
    final int index;

    Bound(String name, Field field, TypeAdapter<?> adapter, int index) {
      this.name = name;
      this.index = index;
      this.field = field;
      this.adapter = adapter;
      this.oneOrListOfOne = field.isAnnotationPresent(OneOrListOfOne.class);
    }

    Object get(Object model) {
      try {
        return field.get(model);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + model.getClass().getName(), e);
      }
    }

    void set(Object model, Object value) {
      try {
        field.set(model, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot write " + name + " of " + model.getClass().getName(), e);
      }
    }
  }
}
