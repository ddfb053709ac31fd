package com.callpermissionledger.openapi;

import com.callpermissionledger.security.AccessRule;
import com.callpermissionledger.security.Role;
import com.callpermissionledger.security.RoleTable;
import com.callpermissionledger.security.Scope;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the roles each operation needs into the document ({@code x-roles} and a sentence in its
 * description), read from {@link RoleTable}, the same rows the security chain is built from.
 */
@Component
@Order(2)
class OperationRoles implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(operation, rowFor(method.name(), path, null).orElseThrow(
                        () -> new IllegalStateException("no row of the role table for " + method + " " + path)),
                        rowsNarrowedByParameter(method.name(), path))));
    }

    /** The row that decides a request to {@code path} (variables named as in the document), first match wins. */
    static Optional<AccessRule> rowFor(String method, String path, String parameter) {
        return RoleTable.ROWS.stream()
                .filter(rule -> rule.method().equals(method) && shape(rule.path()).equals(shape(path)))
                .filter(rule -> parameter == null ? rule.parameter() == null : parameter.equals(rule.parameter()))
                .findFirst();
    }

    private static List<AccessRule> rowsNarrowedByParameter(String method, String path) {
        return RoleTable.ROWS.stream().filter(rule -> rule.parameter() != null)
                .filter(rule -> rule.method().equals(method) && shape(rule.path()).equals(shape(path))).toList();
    }

    private static String shape(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "{}");
    }

    private static void describe(Operation operation, AccessRule row, List<AccessRule> narrowed) {
        if (row.open()) {
            operation.setSecurity(new ArrayList<>());
        }
        String sentence = (row.open() ? "Open: no API key." : "Roles: " + names(row) + ".")
                + narrowed.stream().map(r -> " With `" + r.parameter() + "`: " + names(r) + ".")
                .collect(Collectors.joining())
                + (row.scope() == Scope.SIGNATURE ? " With `ledger.webhooks.app-secret` set, no key: the "
                + "`X-Hub-Signature-256` signature authenticates the delivery." : "");
        operation.addExtension("x-roles", sorted(row).stream().map(Role::name).toList());
        operation.description(operation.getDescription() == null ? sentence
                : operation.getDescription() + "\n\n" + sentence);
    }

    private static String names(AccessRule row) {
        return sorted(row).stream().map(Role::name).collect(Collectors.joining(", "));
    }

    private static List<Role> sorted(AccessRule row) {
        return row.roles().stream().sorted(Comparator.naturalOrder()).toList();
    }
}
