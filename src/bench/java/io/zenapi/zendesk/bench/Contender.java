package io.zenapi.zendesk.bench;

/** One way of reading every ticket of the list; returns how many it read. */
interface Contender extends AutoCloseable {
  String name();

  long readAll() throws Exception;

  @Override
  default void close() throws Exception {
  }
}
