package com.callpermissionledger.api.filter;

import com.callpermissionledger.security.ApiKeyAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads {@code X-Api-Key} and has the authentication manager check it. A known key becomes the request's
 * authentication; an unknown one is treated as no key, so open paths still answer and every other path is
 * refused 401 by the authorization rules, never here by path.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final AuthenticationManager authentication;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthenticationFilter(AuthenticationManager authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            try {
                Authentication known = authentication.authenticate(ApiKeyAuthentication.presented(presented));
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(known);
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            } catch (AuthenticationException unknown) {
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
