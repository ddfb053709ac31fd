package com.callpermissionledger.openapi;

import com.callpermissionledger.policy.RefusalCode;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code Problem} schema (RFC 9457 plus the ledger's fields) and the problem+json answers built on it. */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemSchema() {
    }

    static Schema<?> schema() {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem: a stable `code`, a sentence to act on, `retryAt` when waiting helps.")
                .addProperty("type", new StringSchema().description("urn:call-permission-ledger:problem:<code in kebab case>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("Names the rule, if any, and says what to do."))
                .addProperty("instance", new StringSchema().description("The path that was asked for."))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ProblemCode.values()).map(Enum::name).toList())
                        .description("Stable: clients branch on it."))
                .addProperty("rule", new StringSchema().description("The rule of docs/rules.md that refused, e.g. R-CALL-CAP."))
                .addProperty("platformCode", new IntegerSchema().format("int32")
                        .description("The platform's own error code for this refusal, where it has one."))
                .addProperty("retryAt", new DateTimeSchema().description("When the same command would be allowed."))
                .addProperty("evidence", new ArraySchema().items(new DateTimeSchema())
                        .description("The instants that caused the refusal."))
                .addProperty("field", new StringSchema().description("The identifier that is not valid."));
        problem.setRequired(List.of("type", "title", "status", "detail", "code"));
        problem.setAdditionalProperties(false);
        return problem;
    }

    /** One answer for a status, with an example per code it can carry. */
    static ApiResponse response(int status, List<ProblemCode> codes) {
        Map<String, Example> examples = new LinkedHashMap<>();
        codes.forEach(code -> examples.put(code.name(), new Example().summary(code.title()).value(example(code))));
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME)).examples(examples);
        ApiResponse response = new ApiResponse()
                .description(codes.stream().map(Enum::name).collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(MEDIA_TYPE, media));
        if (status == 429 || status == 503) {
            response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema().format("int64"))
                    .description("Seconds until retryAt (rounded up); RATE_LIMITED: seconds until the key may send again."));
        }
        return response;
    }

    /** The example of docs/api.md for CALL_LIMIT_24H; a representative answer for every other code. */
    static Map<String, Object> example(ProblemCode code) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.type());
        problem.put("title", code.title());
        problem.put("status", code.status());
        problem.put("detail", code.exampleDetail());
        problem.put("code", code.name());
        if (code.exampleDetail().startsWith("Rule ")) {
            problem.put("rule", code.exampleDetail().substring(5, code.exampleDetail().indexOf(':')));
        }
        Arrays.stream(RefusalCode.values()).filter(r -> r.name().equals(code.name()) && r.platformCode() != null)
                .findFirst().ifPresent(r -> problem.put("platformCode", r.platformCode()));
        if (code == ProblemCode.CALL_LIMIT_24H) {
            problem.put("retryAt", "2026-11-25T09:00:00Z");
            problem.put("evidence", List.of("2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z",
                    "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z"));
        } else if (code.status() == 429 && code != ProblemCode.RATE_LIMITED || code == ProblemCode.LEDGER_BUSY) {
            problem.put("retryAt", "2026-11-25T07:45:11.433Z");
        }
        return problem;
    }
}
