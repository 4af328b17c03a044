package io.zenapi.zendesk.mock;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link MockZendesk} per test class, reset before each test, injected as a parameter of
 * test methods, constructors and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(MockZendeskExtension.class)
 * class MySyncTest {
 *   @Test
 *   void syncsTickets(MockZendesk zendesk) { ... zendesk.client() ... }
 * }
 * }</pre>
 */
public final class MockZendeskExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MockZendeskExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).getOrComputeIfAbsent("mock", k -> MockZendesk.start(2_000), MockZendesk.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    mock(context).reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MockZendesk mock = context.getStore(NS).remove("mock", MockZendesk.class);
    if (mock != null) {
      mock.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockZendesk.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return mock(context);
  }

  private static MockZendesk mock(ExtensionContext context) {
    // stores are hierarchical: a method's context sees what its class context stored
    MockZendesk mock = context.getStore(NS).get("mock", MockZendesk.class);
    if (mock == null) {
      throw new IllegalStateException("MockZendeskExtension: no mock started for " + context.getDisplayName());
    }
    return mock;
  }
}
