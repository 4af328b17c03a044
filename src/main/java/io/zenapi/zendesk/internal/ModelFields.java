package io.zenapi.zendesk.internal;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a field of a generated model by its JSON name ({@code meta}, {@code has_more}, {@code next_page}), so
 * that one pagination engine and one job poller serve every generated type. Lookups are cached per class.
 */
public final class ModelFields {
  private static final Map<Class<?>, Map<String, Optional<Field>>> CACHE = new ConcurrentHashMap<>();

  private ModelFields() {}

  /**
   * The value of the field serialised as {@code jsonName}, or null when the model has no such field.
   *
   * @param model a generated model (or a {@code Map}), or null
   * @param jsonName the field's JSON name
   * @return the value; null when the model is null or has no such field (for a {@code Map}: its entry)
   * @throws IllegalStateException when the field cannot be read
   */
  public static Object get(Object model, String jsonName) {
    if (model == null) {
      return null;
    }
    Optional<Field> field = field(model.getClass(), jsonName);
    if (field.isEmpty()) {
      return model instanceof Map<?, ?> map ? map.get(jsonName) : null;
    }
    try {
      return field.get().get(model);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + jsonName + " of " + model.getClass().getName(), e);
    }
  }

  /**
   * Whether the model's class declares a field serialised as {@code jsonName}.
   *
   * @param type the model class
   * @param jsonName the field's JSON name
   * @return whether the class or one of its superclasses declares such a field
   */
  public static boolean has(Class<?> type, String jsonName) {
    return field(type, jsonName).isPresent();
  }

  /**
   * The field as a string (any non-null value's {@code toString()}), or null.
   *
   * @param model a generated model (or a {@code Map}), or null
   * @param jsonName the field's JSON name
   * @return the value's string form, or null
   */
  public static String string(Object model, String jsonName) {
    Object v = get(model, jsonName);
    return v == null ? null : v.toString();
  }

  /**
   * Sets the field serialised as {@code jsonName} to null.
   *
   * @param model a generated model
   * @param jsonName the field's JSON name
   * @throws IllegalArgumentException when the model has no such field
   * @throws IllegalStateException when the field cannot be written
   */
  public static void clear(Object model, String jsonName) {
    Optional<Field> field = field(model.getClass(), jsonName);
    if (field.isEmpty()) {
      throw new IllegalArgumentException(model.getClass().getSimpleName() + " has no field " + jsonName);
    }
    try {
      field.get().set(model, null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write " + jsonName + " of " + model.getClass().getName(), e);
    }
  }

  private static Optional<Field> field(Class<?> type, String jsonName) {
    return CACHE.computeIfAbsent(type, c -> new ConcurrentHashMap<>()).computeIfAbsent(jsonName, n -> find(type, n));
  }

  private static Optional<Field> find(Class<?> type, String jsonName) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SerializedName name = f.getAnnotation(SerializedName.class);
        if (name != null && name.value().equals(jsonName)) {
          f.setAccessible(true);
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }
}
