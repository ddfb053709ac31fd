package com.callpermissionledger.openapi;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A linter of the served document in Java: swagger-parser's structural validation, then the rules of Redocly's
 * "recommended" set that are errors or warnings there (named as Redocly names them), and every example
 * validated against its schema. Every finding is one line; a clean document has none.
 */
public final class ApiDocumentLint {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private ApiDocumentLint() {
    }

    public static List<String> findings(String document) {
        ParseOptions options = new ParseOptions();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> findings = new ArrayList<>();
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> findings.add("struct: " + m));
        }
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) {
            return findings;
        }
        info(api, findings);
        Set<String> tags = new HashSet<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            tags.add(tag.getName());
            check(tag.getDescription() != null && !tag.getDescription().isBlank(), "tag-description: " + tag.getName(), findings);
        }
        Set<String> operationIds = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        api.getPaths().forEach((path, item) -> {
            check(!path.endsWith("/"), "no-path-trailing-slash: " + path, findings);
            check(!path.contains("?"), "path-not-include-query: " + path, findings);
            check(shapes.add(TEMPLATE.matcher(path).replaceAll("{}")), "no-ambiguous-paths: " + path, findings);
            item.readOperationsMap().forEach((method, operation) -> operation(api, path, item, method.name() + " " + path,
                    operation, tags, operationIds, findings));
        });
        unusedComponents(api, document, findings);
        examples(api, findings);
        return findings;
    }

    private static void info(OpenAPI api, List<String> findings) {
        check(api.getInfo() != null && notBlank(api.getInfo().getTitle()), "info: title", findings);
        check(api.getInfo() != null && notBlank(api.getInfo().getDescription()), "info-description", findings);
        check(api.getInfo() != null && notBlank(api.getInfo().getVersion()) && !"v0".equals(api.getInfo().getVersion()),
                "info: the project's version", findings);
        check(api.getServers() == null || api.getServers().stream().noneMatch(s -> s.getUrl().contains("example.com")),
                "no-server-example.com", findings);
    }

    private static void operation(OpenAPI api, String path, PathItem item, String name, Operation operation,
                                  Set<String> tags, Set<String> operationIds, List<String> findings) {
        check(notBlank(operation.getSummary()), "operation-summary: " + name, findings);
        check(notBlank(operation.getOperationId()), "operation-operationId: " + name, findings);
        check(operation.getOperationId() == null || operationIds.add(operation.getOperationId()),
                "operation-operationId-unique: " + name, findings);
        check(operation.getOperationId() == null || operation.getOperationId().matches("[A-Za-z0-9_.~-]+"),
                "operation-operationId-url-safe: " + name, findings);
        check(operation.getTags() != null && !operation.getTags().isEmpty() && tags.containsAll(operation.getTags()),
                "operation-tag-defined: " + name, findings);
        var responses = operation.getResponses() == null ? Map.<String, Object>of() : operation.getResponses();
        check(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), "operation-2xx-response: " + name, findings);
        check(responses.keySet().stream().anyMatch(code -> code.startsWith("4")), "operation-4xx-response: " + name, findings);
        var security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        var schemes = api.getComponents().getSecuritySchemes() == null ? Map.of() : api.getComponents().getSecuritySchemes();
        check(security != null && security.stream().allMatch(r -> schemes.keySet().containsAll(r.keySet())),
                "security-defined: " + name, findings);
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Set<String> seen = new HashSet<>();
        Set<String> pathParameters = new HashSet<>();
        for (Parameter p : parameters) {
            check(seen.add(p.getIn() + ":" + p.getName()), "operation-parameters-unique: " + name + " " + p.getName(), findings);
            if ("path".equals(p.getIn())) {
                pathParameters.add(p.getName());
            }
        }
        Set<String> templated = new HashSet<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            templated.add(m.group(1));
        }
        check(templated.equals(pathParameters), "path-parameters-defined: " + name + " " + templated + " vs "
                + pathParameters, findings);
    }

    /** no-unused-components: each component is referenced from somewhere else in the document. */
    private static void unusedComponents(OpenAPI api, String document, List<String> findings) {
        var components = api.getComponents();
        Map<String, Map<String, ?>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("schemas", components.getSchemas());
        kinds.put("responses", components.getResponses());
        kinds.put("parameters", components.getParameters());
        kinds.put("examples", components.getExamples());
        kinds.put("requestBodies", components.getRequestBodies());
        kinds.put("headers", components.getHeaders());
        kinds.forEach((kind, entries) -> {
            if (entries != null) {
                entries.keySet().forEach(key -> check(document.contains("\"#/components/" + kind + "/" + key + "\""),
                        "no-unused-components: " + kind + "/" + key, findings));
            }
        });
    }

    /** no-invalid-media-type-examples: every example validates against the schema beside it. */
    private static void examples(OpenAPI api, List<String> findings) {
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((status, response) -> {
                if (response.getContent() == null) {
                    return;
                }
                for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                    if (media.getValue().getExamples() == null) {
                        continue;
                    }
                    media.getValue().getExamples().forEach((name, example) -> {
                        var report = validator.validate(Json.pretty(example.getValue()), media.getValue().getSchema(),
                                "response.body");
                        check(!report.hasErrors(), "no-invalid-media-type-examples: " + method + " " + path + " "
                                + status + " " + name + " " + report.getMessages(), findings);
                    });
                }
            });
        }));
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static void check(boolean holds, String finding, List<String> findings) {
        if (!holds) {
            findings.add(finding);
        }
    }
}
