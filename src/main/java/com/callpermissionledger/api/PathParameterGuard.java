package com.callpermissionledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Spring reads {@code ;x=1} in a path segment as a matrix parameter and drops it, so {@code wamid.1;x=1}
 * would silently act on {@code wamid.1}. No identifier of this API contains a semicolon: such a path is
 * refused before it reaches a controller.
 */
@Component
@Order(1)
public class PathParameterGuard extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    public PathParameterGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0 || uri.toLowerCase().contains("%3b")) {
            var problem = Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_IDENTIFIER", "Invalid identifier",
                    "A path may not contain ';': no identifier of this API has one. Nothing was recorded.");
            problem.setProperty("field", field(uri));
            Problems.write(response, problem, objectMapper);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Which identifier holds the semicolon, named by the path segment before it. */
    static String field(String uri) {
        String[] segments = uri.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].indexOf(';') >= 0 || segments[i].toLowerCase().contains("%3b")) {
                return switch (segments[i - 1]) {
                    case "businesses" -> "business";
                    case "users" -> "user";
                    case "permission-requests" -> "requestId";
                    case "calls" -> "callId";
                    default -> "path";
                };
            }
        }
        return "path";
    }
}
