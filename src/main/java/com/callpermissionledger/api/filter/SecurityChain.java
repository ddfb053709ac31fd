package com.callpermissionledger.api.filter;

import com.callpermissionledger.api.problem.KeyRefusal;
import com.callpermissionledger.api.problem.SecurityProblems;
import com.callpermissionledger.security.AccessRule;
import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.ApiKeyAuthentication;
import com.callpermissionledger.security.ApiKeyAuthenticationProvider;
import com.callpermissionledger.security.RateLimiter;
import com.callpermissionledger.security.RoleTable;
import com.callpermissionledger.security.Scope;
import com.callpermissionledger.webhook.WebhookProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The web security chain, built row by row from {@link RoleTable}: an API key filter, the table's rows as
 * path patterns matched exactly as Spring MVC routes (each segment decoded, so {@code setting%73} is
 * {@code settings}), a deny for anything the table does not list, then the rate limit. Spring Security's
 * strict firewall stays on in front of it all; its refusals are problem+json too ({@link SecurityProblems}).
 * Where the key filter and the rate limit sit in it: {@link FilterOrder}.
 */
@Configuration
@Profile("!audit")
public class SecurityChain {

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ApiKeyAuthenticationProvider keys, RateLimiter limiter,
                                       ObjectMapper json, WebhookProperties webhooks) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        List<RequestMatcher> listedPaths = RoleTable.ROWS.stream().map(SecurityChain::anyMethod).toList();
        FilterOrder.insideSecurityChain(http, new ProviderManager(keys), limiter, json)
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    // dispatches the server makes itself, after a request was already let in
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD)
                            .permitAll();
                    for (AccessRule rule : RoleTable.ROWS) {
                        requests.requestMatchers(matcher(rule)).access(decision(rule, webhooks.signed()));
                    }
                    requests.anyRequest().access(unlisted(listedPaths));
                });
        return http.build();
    }

    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(SecurityProblems.METHODS);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    static RequestMatcher matcher(AccessRule rule) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher matcher = rule.method().equals("GET")
                ? new OrRequestMatcher(paths.matcher(HttpMethod.GET, rule.path()), paths.matcher(HttpMethod.HEAD, rule.path()))
                : paths.matcher(HttpMethod.valueOf(rule.method()), rule.path());
        if (rule.parameter() == null) {
            return matcher;
        }
        return new AndRequestMatcher(matcher, request -> request.getParameter(rule.parameter()) != null);
    }

    private static RequestMatcher anyMethod(AccessRule rule) {
        return PathPatternRequestMatcher.withDefaults().matcher(rule.path());
    }

    /** {@code signedDeliveries}: an app secret is configured, so the handler authenticates deliveries by signature. */
    private static AuthorizationManager<RequestAuthorizationContext> decision(AccessRule rule, boolean signedDeliveries) {
        if (rule.scope() == Scope.SIGNATURE && signedDeliveries) {
            return (authentication, context) -> new AuthorizationDecision(true);
        }
        return (authentication, context) -> {
            ApiKey key = key(authentication);
            List<String> business = rule.scope() == Scope.QUERY
                    ? values(context.getRequest().getParameterValues("business")) : List.of();
            return switch (rule.decide(key, context.getVariables().get("business"), business)) {
                case ALLOWED -> new AuthorizationDecision(true);
                case UNAUTHENTICATED -> new AuthorizationDecision(false);
                case FORBIDDEN -> new KeyRefusal(KeyRefusal.Reason.FORBIDDEN, key, rule.scope());
                case BUSINESS_NOT_ALLOWED -> new KeyRefusal(KeyRefusal.Reason.BUSINESS_NOT_ALLOWED, key, rule.scope());
            };
        };
    }

    /** No row matched: nothing behind it may run. Without a key that is 401; with one, 404 or 405 as MVC would say. */
    private static AuthorizationManager<RequestAuthorizationContext> unlisted(List<RequestMatcher> listedPaths) {
        return (authentication, context) -> {
            ApiKey key = key(authentication);
            if (key == null) {
                return new AuthorizationDecision(false);
            }
            boolean pathListed = listedPaths.stream().anyMatch(path -> path.matches(context.getRequest()));
            return new KeyRefusal(pathListed ? KeyRefusal.Reason.METHOD_NOT_ALLOWED : KeyRefusal.Reason.NOT_FOUND, key, null);
        };
    }

    private static ApiKey key(Supplier<Authentication> authentication) {
        return authentication.get() instanceof ApiKeyAuthentication a ? a.key().orElse(null) : null;
    }

    private static List<String> values(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
