package com.callpermissionledger.api.filter;

import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.CurrentKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Records who sent a request: the name of the API key Spring Security authenticated it with (read from the
 * security context, which the security filter chain has set before this filter runs) as the client, and the
 * caller's {@code X-Correlation-Id} when well-formed. Order matters here: {@link CurrentKey} reads the
 * authentication {@link ApiKeyAuthenticationFilter} put in the security context, so this filter must run
 * after the security chain (inside its call, before the context is cleared), or every command would be
 * recorded as {@code anonymous}. {@link FilterOrder} places it so.
 */
final class OriginFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = wellFormed(request.getHeader(CORRELATION_HEADER));
        String client = CurrentKey.get().map(ApiKey::name).orElse("anonymous");
        if (correlationId != null) {
            response.setHeader(CORRELATION_HEADER, correlationId);
        }
        try {
            CommandOrigin.with(client, correlationId, () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        }
    }

    private static String wellFormed(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : null;
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
