/**
 * Build-time tooling for the OpenAPI specs in {@code openapi/}: not part of the library jar.
 *
 * <p>{@link io.zenapi.zendesk.specbuild.SpecTool} is run by Maven before code generation. It merges the per-area
 * spec files and the overlays into one spec, applies the named normalisation rules of
 * {@link io.zenapi.zendesk.specbuild.rules}, checks that every {@code $ref} resolves and writes the result to
 * {@code target/openapi/zendesk-support.json}. It also re-splits a newer upstream spec into area files
 * ({@code make import-spec}).
 */
package io.zenapi.zendesk.specbuild;
