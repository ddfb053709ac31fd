package com.callpermissionledger.api.filter;

import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.CurrentKey;
import com.callpermissionledger.security.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** After authorization: a key over its rate gets 429 {@code RATE_LIMITED} with {@code Retry-After}. */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ObjectMapper json;

    RateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKey> key = CurrentKey.get();
        if (key.isPresent()) {
            long wait = limiter.acquire(key.get().name());
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                Problems.write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        "Too many requests", "The key '" + key.get().name() + "' is over its rate limit; retry after "
                                + wait + " s."), json);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
