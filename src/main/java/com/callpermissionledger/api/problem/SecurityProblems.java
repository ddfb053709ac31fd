package com.callpermissionledger.api.problem;

import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Spring Security's refusals as problem+json with stable codes: 401 {@code UNAUTHENTICATED}, 403
 * {@code FORBIDDEN} or {@code BUSINESS_NOT_ALLOWED}, 404/405 for what the role table does not list, and the
 * firewall's refusals of a path spelling ({@code //}, dot segments, {@code ;}, encoded {@code / \ % .}, control
 * characters) as 400, or 405 for a method it does not allow (TRACE).
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** The methods the firewall lets through; TRACE, CONNECT and any other are 405 before anything else. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "API key required",
                "Send a valid API key in the X-Api-Key header."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (!(e instanceof AuthorizationDeniedException denied)
                || !(denied.getAuthorizationResult() instanceof KeyRefusal refusal)) {
            write(response, Problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed for this key",
                    "This key may not " + request.getMethod() + " this resource."));
            return;
        }
        ApiKey key = refusal.key();
        write(response, switch (refusal.reason()) {
            case FORBIDDEN -> Problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed for this key",
                    "The key '" + key.name() + "' has role " + key.role() + ", which may not " + request.getMethod()
                            + " this resource.");
            case BUSINESS_NOT_ALLOWED -> businessNotAllowed(key, refusal.scope());
            case NOT_FOUND -> ProblemAdvice.notFoundProblem();
            case METHOD_NOT_ALLOWED -> ProblemAdvice.methodProblem(request.getMethod());
        });
    }

    static ProblemDetail businessNotAllowed(ApiKey key, Scope scope) {
        String detail = switch (scope) {
            case LEDGER -> "The key '" + key.name() + "' is limited to its own business numbers; this resource "
                    + "spans the whole ledger and needs a key that is not limited.";
            case BODY -> "The key '" + key.name() + "' is limited to its own business numbers; the body names "
                    + "another one. Nothing was recorded.";
            default -> "The key '" + key.name() + "' is limited to its own business numbers; name one of them "
                    + "(in the path or the business parameter).";
        };
        return Problems.problem(HttpStatus.FORBIDDEN, "BUSINESS_NOT_ALLOWED", "Not allowed for this business", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", METHODS.stream().sorted().toList()));
            write(response, ProblemAdvice.methodProblem(request.getMethod()));
            return;
        }
        write(response, rejected(request.getRequestURI()));
    }

    /**
     * An identifier segment spelled with {@code ;} or an encoded slash is named as that identifier (as the
     * handlers would); any other refused spelling is {@code REQUEST_REJECTED}.
     */
    static ProblemDetail rejected(String uri) {
        String field = RejectedPaths.identifierField(uri);
        if (field != null) {
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_IDENTIFIER", "Invalid identifier",
                    "The " + field + " is not valid: an identifier of this API never holds ';', '/' or '\\\\'. "
                            + "Nothing was recorded.");
            problem.setProperty("field", field);
            return problem;
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "Request refused",
                "The path or a header is not in a form this API accepts (for example '//', a '.' or '..' segment, "
                        + "';', an encoded '/', '\\\\', '%' or '.', or a control character). Send the path as "
                        + "documented. Nothing was recorded.");
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, problem, json);
    }
}
