package com.callpermissionledger.api.filter;

import com.callpermissionledger.api.problem.BodyTooLargeException;
import com.callpermissionledger.api.problem.ProblemAdvice;
import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.security.RoleTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The gate every body passes, before any other filter (the form filter, multipart parsing, the security
 * chain) could read one: a body announced over 16 KiB is 413; a body of any type but JSON (multipart, form,
 * text, none given) is 415 without a byte of it read; a JSON body is counted as it streams, chunked or not,
 * and refused at the 16 KiB + 1st byte. So no body type is ever read past 16 KiB by the ledger. The
 * platform's webhook deliveries batch many changes, so that one path allows 4 MiB; it is matched on the raw
 * URI, so another spelling of it only gets the smaller limit. Its place, first of all: {@link FilterOrder}.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

    /** Every body's limit but the webhook's; a 413 answer names this one on every path, the webhook's too. */
    static final int MAX_BYTES = 16 * 1024;
    static final int WEBHOOK_MAX_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper objectMapper;

    BodySizeLimitFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long max = request.getRequestURI().equals(RoleTable.WEBHOOK) ? WEBHOOK_MAX_BYTES : MAX_BYTES;
        if (length > max) {
            Problems.write(response, new BodyTooLargeException(MAX_BYTES).problem().getBody(), objectMapper);
            return;
        }
        boolean body = length > 0 || request.getHeader("Transfer-Encoding") != null;
        String type = request.getContentType();
        if ((body || type != null) && !json(type)) {
            Problems.write(response, ProblemAdvice.mediaTypeProblem(), objectMapper);
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    /** {@code application/json} or {@code application/*+json}, with any parameters (charset). */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application") && !type.isWildcardSubtype()
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > max) {
                        throw new BodyTooLargeException(MAX_BYTES);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > max) {
                        throw new BodyTooLargeException(MAX_BYTES);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
