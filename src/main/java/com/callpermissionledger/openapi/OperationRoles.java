package com.callpermissionledger.openapi;

import com.callpermissionledger.security.Role;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the roles each operation needs into the document: {@code x-roles} and a sentence in its description.
 * <p>
 * LEAD, WHEN MERGING the Spring Security branch: {@link #RULES} copies today's role table (docs/security.md,
 * {@code security.Access}); point it at the security package's one table of (method, path pattern, roles)
 * instead, and delete the copy. Nothing else in the document depends on it.
 */
@Component
@Order(2)
class OperationRoles implements OpenApiCustomizer {

    record Rule(String method, String pattern, Set<Role> roles) {
    }

    private static final Set<Role> READERS = EnumSet.allOf(Role.class);
    private static final Set<Role> AUDIT = EnumSet.of(Role.AUDITOR, Role.ADMIN);

    /** First match wins; ADMIN may do everything. */
    static final List<Rule> RULES = List.of(
            new Rule("GET", "/api/v1/businesses/*/settings", READERS),
            new Rule("*", "/api/v1/businesses/*/settings", EnumSet.of(Role.ADMIN)),
            new Rule("GET", "/api/v1/businesses/*/users/*/events/**", AUDIT),
            new Rule("GET", "/api/v1/businesses/*/users/*/events", AUDIT),
            new Rule("GET", "/api/v1/businesses/*/users/*/**", READERS),
            new Rule("*", "/api/v1/businesses/*/users/*/**", EnumSet.of(Role.UPSTREAM, Role.ADMIN)),
            new Rule("GET", "/api/v1/events/**", AUDIT),
            new Rule("GET", "/api/v1/events", AUDIT),
            new Rule("*", "/api/v1/dashboard/**", EnumSet.of(Role.DASHBOARD, Role.AUDITOR, Role.ADMIN)),
            new Rule("*", "/**", EnumSet.of(Role.ADMIN)));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    static Set<Role> rolesFor(String method, String path) {
        return RULES.stream()
                .filter(r -> (r.method().equals("*") || r.method().equals(method)) && PATHS.match(r.pattern(), path))
                .findFirst().map(Rule::roles).orElseThrow();
    }

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(operation, rolesFor(method.name(), path), path.endsWith("/call-permission"))));
    }

    private static void describe(Operation operation, Set<Role> roles, boolean pointInTime) {
        String names = roles.stream().map(Role::name).collect(Collectors.joining(", "));
        String sentence = "Roles: " + names + "." + (pointInTime ? " With `at`: AUDITOR, ADMIN." : "");
        operation.addExtension("x-roles", roles.stream().map(Role::name).toList());
        operation.description(operation.getDescription() == null ? sentence
                : operation.getDescription() + "\n\n" + sentence);
    }
}
