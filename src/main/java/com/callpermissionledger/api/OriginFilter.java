package com.callpermissionledger.api;

import com.callpermissionledger.pair.CommandOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Records who sent a request: the caller's {@code X-Correlation-Id} (when well-formed) and the client name.
 * Until API keys exist, the client is {@code X-Client-Name} when given, else "anonymous".
 */
@Component
public class OriginFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String CLIENT_HEADER = "X-Client-Name";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = wellFormed(request.getHeader(CORRELATION_HEADER));
        String client = wellFormed(request.getHeader(CLIENT_HEADER));
        if (correlationId != null) {
            response.setHeader(CORRELATION_HEADER, correlationId);
        }
        try {
            CommandOrigin.with(client != null ? client : "anonymous", correlationId, () -> {
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
