package com.callpermissionledger.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The linter finds what Redocly's recommended rules find in a document that breaks them. */
class ApiDocumentLintTest {

    private static final String BROKEN = """
            {"openapi":"3.0.1","info":{"title":"OpenAPI definition","version":"v0"},
             "paths":{
               "/a/{id}":{"get":{"operationId":"read","responses":{"200":{"description":"OK"}}}},
               "/a/{x}":{"get":{"operationId":"read","summary":"Read","tags":["t"],
                  "parameters":[{"name":"x","in":"path","required":true,"schema":{"type":"string"}}],
                  "responses":{"200":{"description":"OK"},"404":{"description":"Not found","content":{
                    "application/problem+json":{"schema":{"$ref":"#/components/schemas/P"},
                      "examples":{"bad":{"value":{"code":7}}}}}}}}}},
             "components":{"schemas":{"P":{"type":"object","properties":{"code":{"type":"string"}}},
                                      "Unused":{"type":"object"}}}}
            """;

    @Test
    void aDocumentBreakingTheRecommendedRulesHasOneFindingPerBreach() {
        // an example's finding ends with the validator's own message, which is not ours to pin
        assertThat(ApiDocumentLint.findings(BROKEN).stream().map(f -> f.replaceAll(" bad \\[ERROR.*", " bad")))
                .containsExactlyInAnyOrder(
                "struct: paths.'/a/{id}'. Declared path parameter id needs to be defined as a path parameter in path or operation level",
                "struct: attribute paths.'/a/{x}'(get).operationId is repeated",
                "info-description",
                "info: the project's version",
                "operation-summary: GET /a/{id}",
                "operation-tag-defined: GET /a/{id}",
                "operation-4xx-response: GET /a/{id}",
                "security-defined: GET /a/{id}",
                "path-parameters-defined: GET /a/{id} [id] vs []",
                "no-ambiguous-paths: /a/{x}",
                "operation-operationId-unique: GET /a/{x}",
                "operation-tag-defined: GET /a/{x}",
                "security-defined: GET /a/{x}",
                "no-unused-components: schemas/Unused",
                "no-invalid-media-type-examples: GET /a/{x} 404 bad");
    }
}
