package com.callpermissionledger.openapi;

import com.callpermissionledger.webhook.WebhookReport;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies {@link OperationContracts} to what springdoc read from the controllers: ids, tags, summaries, the
 * real success status and body, and every problem answer. Answer schemas are closed
 * ({@code additionalProperties: false}), so a field the document does not name fails the contract tests.
 */
@Component
@Order(1)
class ContractCustomizer implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        components.addSchemas(ProblemSchema.NAME, ProblemSchema.schema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            OperationContract contract = OperationContracts.BY_KEY.get(method.name() + " " + path);
            if (contract != null) {
                apply(contract, operation, components);
            }
        }));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ContractCustomizer::close);
            dropUnused(api);
        }
    }

    /** Schemas springdoc read for bodies this table replaced (e.g. StreamingResponseBody) are referenced nowhere. */
    private static void dropUnused(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        boolean dropped = true;
        while (dropped) {
            api.getComponents().setSchemas(null);
            String rest = Json.pretty(api) + Json.pretty(schemas.values());
            api.getComponents().setSchemas(schemas);
            dropped = schemas.keySet().removeIf(name -> !rest.contains("\"#/components/schemas/" + name + "\""));
        }
    }

    private static void apply(OperationContract contract, Operation operation, Components components) {
        operation.operationId(contract.operationId()).summary(contract.summary()).tags(List.of(contract.tag()));
        if (contract.body() == WebhookReport.class) {
            // the controller reads raw bytes (the signature is over them), so springdoc sees no shape
            operation.setRequestBody(WebhookEnvelopeSchema.requestBody(components));
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(Integer.toString(contract.success()), success(contract, operation, components));
        Map<Integer, List<ProblemCode>> byStatus = contract.allProblems().stream()
                .collect(Collectors.groupingBy(ProblemCode::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, codes) -> responses.addApiResponse(Integer.toString(status),
                ProblemSchema.response(status, codes)));
        operation.setResponses(responses);
    }

    private static ApiResponse success(OperationContract contract, Operation operation, Components components) {
        if (contract.path().endsWith("/export")) {
            // NDJSON: one HistoryEntry per line, and no line at all when nothing matches
            return new ApiResponse().description("One JSON event per line (as in the global stream), in stored order.")
                    .content(new Content().addMediaType("application/x-ndjson", new MediaType()));
        }
        if (contract.body() == String.class) {
            return new ApiResponse().description("The challenge, as text.")
                    .content(new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema())));
        }
        Schema<?> schema = contract.body() != null ? resolve(contract.body(), components) : generated(operation);
        String description = contract.success() == 201 ? "Created" : contract.success() == 202 ? "Accepted" : "OK";
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    /** The body springdoc read from the controller's return type. */
    private static Schema<?> generated(Operation operation) {
        return operation.getResponses().values().stream()
                .filter(r -> r.getContent() != null)
                .flatMap(r -> r.getContent().values().stream())
                .map(MediaType::getSchema).filter(s -> s != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no body for " + operation.getOperationId()));
    }

    private static Schema<?> resolve(Class<?> type, Components components) {
        ResolvedSchema resolved = ModelConverters.getInstance()
                .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        resolved.referencedSchemas.forEach(components::addSchemas);
        return resolved.schema;
    }

    /** An object schema with named properties admits no others; inline objects and array items alike. */
    private static void close(Schema<?> schema) {
        if (schema.getItems() != null) {
            close(schema.getItems());
        }
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        if (schema.getAdditionalProperties() == null) {
            schema.setAdditionalProperties(false);
        }
        schema.getProperties().values().forEach(ContractCustomizer::close);
    }
}
