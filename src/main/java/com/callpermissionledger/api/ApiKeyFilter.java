package com.callpermissionledger.api;

import com.callpermissionledger.security.Access;
import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.ApiKeys;
import com.callpermissionledger.security.RateLimiter;
import com.callpermissionledger.webhook.WebhookProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code X-Api-Key}: no key or an unknown one is 401; a known key with the wrong role or for another
 * business number is 403; a key over its rate is 429 with {@code Retry-After}. The key's name becomes the
 * {@code client} of every event the request causes. A webhook delivery needs no key when an app secret
 * is configured: its signature, checked by the webhook controller, is its authentication.
 */
@Component
@Profile("!audit")
@Order(3)
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    static final String CLIENT_ATTRIBUTE = ApiKeyFilter.class.getName() + ".client";

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;
    private final ObjectMapper objectMapper;
    private final WebhookProperties webhooks;

    public ApiKeyFilter(ApiKeys keys, RateLimiter rateLimiter, ObjectMapper objectMapper, WebhookProperties webhooks) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.objectMapper = objectMapper;
        this.webhooks = webhooks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        if (Access.open(method, path) || (webhooks.signed() && Access.isWebhook(path))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = keys.authenticate(request.getHeader(HEADER));
        if (key.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "API key required",
                    "Send a valid API key in the X-Api-Key header.");
            return;
        }
        ApiKey k = key.get();
        switch (Access.check(k, method, path, request.getParameter("business"), request.getParameter("at") != null)) {
            case WRONG_ROLE -> {
                refuse(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed for this key",
                        "The key '" + k.name() + "' has role " + k.role() + ", which may not " + method + " this resource.");
                return;
            }
            case WRONG_BUSINESS -> {
                refuse(response, HttpStatus.FORBIDDEN, "BUSINESS_NOT_ALLOWED", "Not allowed for this business",
                        "The key '" + k.name() + "' is limited to its own business numbers; name one of them "
                                + "(in the path or the business parameter).");
                return;
            }
            default -> {
                // allowed
            }
        }
        long wait = rateLimiter.acquire(k.name());
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
                    "The key '" + k.name() + "' is over its rate limit; retry after " + wait + " s.");
            return;
        }
        request.setAttribute(CLIENT_ATTRIBUTE, k.name());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        Problems.write(response, Problems.problem(status, code, title, detail), objectMapper);
    }
}
