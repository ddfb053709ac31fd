package com.callpermissionledger.api.filter;

import com.callpermissionledger.security.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every filter of the HTTP edge and its place, here and nowhere else. A request meets them in this order:
 * <ol>
 *   <li>{@link BodySizeLimitFilter}: before anything could read a body (Spring's form filter at -9900,
 *       multipart parsing, the security chain);</li>
 *   <li>Spring Security's chain ({@link SecurityChain}, at Spring Boot's default servlet order -100): the strict
 *       firewall, then {@link ApiKeyAuthenticationFilter} before the anonymous filter (a known key becomes the
 *       authentication), the role table's authorization, then {@link RateLimitFilter} (only a request that
 *       may pass counts against its key);</li>
 *   <li>{@link OriginFilter}: after the security chain, because it reads the key the key filter set.</li>
 * </ol>
 * A new filter gets its place here too: a servlet filter as a registration with its order, a filter that
 * needs the key in {@link #insideSecurityChain}.
 */
@Configuration
public class FilterOrder {

    static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;
    /** Any order after the security chain's -100 ({@code spring.security.filter.order}, not set) works; 4 it always had. */
    static final int ORIGIN = 4;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(json));
        registration.setOrder(BODY_SIZE_LIMIT);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OriginFilter> originFilter() {
        FilterRegistrationBean<OriginFilter> registration = new FilterRegistrationBean<>(new OriginFilter());
        registration.setOrder(ORIGIN);
        return registration;
    }

    /** Our two filters inside Spring Security's chain, placed by the Spring filters they must follow or precede. */
    static HttpSecurity insideSecurityChain(HttpSecurity http, AuthenticationManager keys, RateLimiter limiter,
                                            ObjectMapper json) {
        return http.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, json), AuthorizationFilter.class);
    }
}
