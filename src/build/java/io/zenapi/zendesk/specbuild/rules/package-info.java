/**
 * Named normalisation rules: each fixes one measured defect of the upstream spec for a Retrofit/Gson client
 * (see {@code ../shared/reference/UPSTREAM-DEFECTS.md}), in the merged spec, so that a re-import never loses
 * the fix. {@link io.zenapi.zendesk.specbuild.rules.Normaliser#RULES} lists them in the order they run.
 */
package io.zenapi.zendesk.specbuild.rules;
