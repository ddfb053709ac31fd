package com.callpermissionledger.api.problem;

import com.callpermissionledger.policy.InvalidIdentifierException;
import com.callpermissionledger.policy.UnknownPolicyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/** Every error is problem+json with a stable code; no stack trace or class name ever reaches a client. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<ProblemDetail> invalidIdentifier(InvalidIdentifierException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_IDENTIFIER", "Invalid identifier",
                "The " + e.field() + " is not valid: " + e.getMessage() + ". Nothing was recorded.");
        problem.setProperty("field", e.field());
        return Problems.answer(problem);
    }

    @ExceptionHandler(InvalidFilterException.class)
    ResponseEntity<ProblemDetail> invalidFilter(InvalidFilterException e) {
        return invalid("A filter is not valid: " + e.getMessage() + ".");
    }

    @ExceptionHandler(UnknownPolicyException.class)
    ResponseEntity<ProblemDetail> unknownPolicy(UnknownPolicyException e) {
        return invalid(e.getMessage() + ". Nothing was recorded.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge.problem();
            }
        }
        return invalid("The body is not valid JSON for this request (malformed, an unknown or duplicate field, "
                + "a wrong type, or a value outside the allowed set). Nothing was recorded.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().collect(Collectors.joining("; "));
        return invalid("The body is incomplete: " + fields + ". Nothing was recorded.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return invalid("A query parameter is missing or has the wrong format. Nothing was recorded.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return Problems.answer(notFoundProblem());
    }

    static ProblemDetail notFoundProblem() {
        return Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
                "There is no such resource; see /v3/api-docs for the API.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.answer(methodProblem(e.getMethod()));
    }

    static ProblemDetail methodProblem(String method) {
        return Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method not allowed", "This resource does not accept " + method + ".");
    }

    /** The firewall checks header and parameter values when they are read, which may be inside Spring MVC. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return Problems.answer(SecurityProblems.rejected(request.getRequestURI()));
    }

    @ExceptionHandler(BusinessNotAllowedException.class)
    ResponseEntity<ProblemDetail> businessNotAllowed(BusinessNotAllowedException e) {
        return Problems.answer(SecurityProblems.businessNotAllowed(e.key(), e.scope()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.answer(mediaTypeProblem());
    }

    public static ProblemDetail mediaTypeProblem() {
        return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type", "Send the body as application/json. Nothing was recorded.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while answering a request", e);
        return Problems.answer(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", "The ledger could not answer; nothing may have been recorded. Retry the same "
                        + "command: commands are idempotent."));
    }

    public static ResponseEntity<ProblemDetail> invalid(String detail) {
        return Problems.answer(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request", detail));
    }
}
