package com.callpermissionledger.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The head of {@code /v3/api-docs}: title, the project's version (from the build), the {@code X-Api-Key}
 * scheme required everywhere, and the audience tags. Operations are described by {@link OperationContracts}.
 */
@Configuration
public class ApiDocument {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI ledgerOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("Call Permission Ledger API").version(version).description("""
                        Event-sourced ledger of WhatsApp call permissions per (business number, user) pair. \
                        Instants are ISO-8601 UTC strings, except in the platform-compatible call-permission \
                        answer. Every refusal and error is application/problem+json with a stable `code`; \
                        `retryAt` and a `Retry-After` header say when waiting helps. Commands are idempotent: the \
                        same request id or call id with the same content answers as the first time."""))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                        .description("A key from ledger.security.api-keys; its role decides what it may do.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .tags(List.of(
                        new Tag().name(OperationContracts.UPSTREAM)
                                .description("The system that sends requests and places calls: commands and the reads it needs."),
                        new Tag().name(OperationContracts.DASHBOARD).description("The team lead's dashboard queries."),
                        new Tag().name(OperationContracts.AUDITOR)
                                .description("History, the global stream, export and hash-chain verification."),
                        new Tag().name(OperationContracts.ADMIN)
                                .description("Settings, projections, erasure and the simulated clock.")));
    }
}
