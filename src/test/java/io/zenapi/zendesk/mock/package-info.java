/**
 * {@link io.zenapi.zendesk.mock.MockZendesk}: an embedded fake Zendesk for tests and the demo, shipped in the
 * {@code tests} jar. Spec-driven (every operation answers its example) and stateful where behaviour matters
 * (tickets, ticket skips, suspended tickets, jobs, safe updates), with switchable faults.
 */
package io.zenapi.zendesk.mock;
