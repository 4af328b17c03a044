package io.zenapi.zendesk.specbuild.rules;

import java.util.List;

/** The normalisation rules, in the order they run on the merged spec. */
public final class Normaliser {
  /**
   * Order matters where one rule feeds another: query objects are split before pagination is declared,
   * unions are flattened before enums are opened, the call shape is decided once
   * enums are open (it names their known values), and integers are widened last so that whatever the other
   * rules added is widened too.
   */
  public static final List<NormalisationRule> RULES = List.of(
      new SingleTagPerOperation(),
      new JsonOnlyRequestBodies(),
      new DeleteWithBody(),
      new BracketedQueryParameters(),
      new DeclarePagination(),
      new UnionsAreFlattened(),
      new PropertiesWinOverAdditionalProperties(),
      new OpenEnums(),
      new DefaultsAreDocumentation(),
      new EmptyResponsesHaveNoBody(),
      new CallShape(),
      new IdsAreIntegers(),
      new ReadableModelNames(),
      new IntegersAre64Bit(),
      new ModelsAreZendeskModels(),
      new NonIdempotentWrites(),
      new DescriptionsReadAsJavadoc());

  private Normaliser() {}
}
