package com.callpermissionledger.api;

import com.callpermissionledger.http.Keys;
import com.callpermissionledger.http.Answer;
import com.callpermissionledger.audit.Projections;
import com.callpermissionledger.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static com.callpermissionledger.http.LedgerHttp.PROBLEM_JSON;
import static com.callpermissionledger.http.LedgerHttp.APPLICATION_JSON;
import static com.callpermissionledger.security.Role.ADMIN;
import static com.callpermissionledger.security.Role.AUDITOR;
import static com.callpermissionledger.security.Role.DASHBOARD;
import static com.callpermissionledger.security.Role.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table of docs/security.md, generated: every route of the API × every key of application-test.yml
 * (each role, limited to some business numbers and not, no key, an unknown key), against a business the
 * key holds and one it does not. The expectation is written here from the documented table, apart from the
 * code's {@code RoleTable}, so the two check each other. Every refused request is then sent again in
 * generated spellings — each letter of each fixed path segment percent-encoded (lower- and upper-case hex),
 * {@code //}, {@code ;}, {@code .} and {@code ..} segments, a trailing {@code /} — and must be refused with
 * its exact code, while no row of any table changes.
 */
class RoleTableApiTest extends HttpApiSupport {

    enum Scope { OPEN, PATH, QUERY, BODY, LEDGER, SIGNATURE }

    record Key(String secret, Role role, Set<String> businesses) {
        boolean known() {
            return role != null;
        }
    }

    static final String IN = "7700001";
    static final String OUT = "7700003";

    static final List<Key> KEYS = List.of(
            new Key(Keys.ADMIN, ADMIN, Set.of()),
            new Key(Keys.UPSTREAM, UPSTREAM, Set.of()),
            new Key(Keys.DASHBOARD, DASHBOARD, Set.of()),
            new Key(Keys.AUDITOR, AUDITOR, Set.of()),
            new Key(Keys.SCOPED_UPSTREAM, UPSTREAM, Set.of(IN, "7700002")),
            new Key(Keys.SCOPED_DASHBOARD, DASHBOARD, Set.of(IN)),
            new Key(Keys.SCOPED_AUDITOR, AUDITOR, Set.of(IN)),
            new Key(Keys.SCOPED_ADMIN, ADMIN, Set.of(IN, "7700002")),
            new Key(null, null, Set.of()),
            new Key("not-a-key", null, Set.of()));

    /** {@code route} is the pattern Spring MVC maps; {@code query} and {@code body} may hold {business} and {user}. */
    record Endpoint(String method, String route, String query, String body, Set<Role> roles, Scope scope, boolean prefix) {
    }

    static final String PAIR = "/api/v1/businesses/{business}/users/{user}";
    static final Set<Role> READ = Set.of(UPSTREAM, DASHBOARD, AUDITOR, ADMIN);
    static final Set<Role> WRITE = Set.of(UPSTREAM, ADMIN);
    static final Set<Role> VIEW = Set.of(DASHBOARD, AUDITOR, ADMIN);
    static final Set<Role> AUDIT = Set.of(AUDITOR, ADMIN);
    static final Set<Role> ADMINS = Set.of(ADMIN);

    static final List<Endpoint> ENDPOINTS = List.of(
            e("POST", PAIR + "/permission-requests", null, "{\"requestId\":\"wamid.rt{user}\",\"channel\":\"TEMPLATE\"}", WRITE, Scope.PATH),
            e("GET", PAIR + "/permission-requests/{requestId}", null, null, READ, Scope.PATH),
            e("POST", PAIR + "/permission-requests/{requestId}/delivered", null, "{}", WRITE, Scope.PATH),
            e("POST", PAIR + "/permission-requests/{requestId}/reply", null, "{\"response\":\"ACCEPT\"}", WRITE, Scope.PATH),
            e("POST", PAIR + "/permission/grant", null, "{\"source\":\"BUSINESS_PROFILE\"}", WRITE, Scope.PATH),
            e("POST", PAIR + "/permission/revoke", null, "{\"source\":\"BUSINESS_PROFILE\"}", WRITE, Scope.PATH),
            e("POST", PAIR + "/calls", null, "{\"callId\":\"wacid.rt{user}\"}", WRITE, Scope.PATH),
            e("GET", PAIR + "/calls/{callId}", null, null, READ, Scope.PATH),
            e("POST", PAIR + "/calls/{callId}/outcome", null, "{\"outcome\":\"CONNECTED\"}", WRITE, Scope.PATH),
            e("POST", PAIR + "/user-calls", null, "{\"callId\":\"wacid.ru{user}\",\"outcome\":\"MISSED\"}", WRITE, Scope.PATH),
            e("GET", PAIR + "/call-permission", null, null, READ, Scope.PATH),
            e("GET", PAIR + "/call-permission", "at=2020-01-01T00:00:00Z", null, AUDIT, Scope.PATH),
            e("GET", PAIR + "/events", null, null, AUDIT, Scope.PATH),
            e("GET", PAIR + "/events/verify", null, null, AUDIT, Scope.PATH),
            e("GET", "/api/v1/businesses/{business}/settings", null, null, READ, Scope.PATH),
            e("PUT", "/api/v1/businesses/{business}/settings", null, "{\"callbackPermission\":\"ENABLED\"}", ADMINS, Scope.PATH),
            e("GET", "/api/v1/businesses/{business}/rules", null, null, READ, Scope.PATH),
            e("GET", "/api/v1/dashboard/pairs", "business={business}", null, VIEW, Scope.QUERY),
            e("GET", "/api/v1/dashboard/requests", "business={business}", null, VIEW, Scope.QUERY),
            e("GET", "/api/v1/dashboard/calls", "business={business}", null, VIEW, Scope.QUERY),
            e("GET", "/api/v1/dashboard/summary", "business={business}", null, VIEW, Scope.QUERY),
            e("GET", "/api/v1/dashboard/pairs/{business}/{user}", null, null, VIEW, Scope.PATH),
            e("GET", "/api/v1/dashboard/pairs/{business}/{user}/timeline", null, null, VIEW, Scope.PATH),
            // a limited key naming its own business in a parameter still may not read the whole ledger
            e("GET", "/api/v1/events", "business={business}&limit=5", null, AUDIT, Scope.LEDGER),
            e("GET", "/api/v1/events/export", "business={business}", null, AUDIT, Scope.LEDGER),
            e("GET", "/api/v1/events/verify", "business={business}", null, AUDIT, Scope.LEDGER),
            e("GET", "/api/v1/admin/projections", "business={business}", null, ADMINS, Scope.LEDGER),
            e("POST", "/api/v1/admin/projections/{name}/rebuild", null, null, ADMINS, Scope.LEDGER),
            e("POST", "/api/v1/admin/clock", null, "{\"advance\":\"PT0S\"}", ADMINS, Scope.LEDGER),
            e("POST", "/api/v1/admin/erasures", "business={business}", "{\"business\":\"{business}\",\"user\":\"{user}\"}", ADMINS, Scope.BODY),
            // the test profile configures no app secret, so a delivery needs an unlimited key (a batch spans businesses)
            e("POST", "/api/v1/webhooks/whatsapp", null, "{\"object\":\"whatsapp_business_account\",\"entry\":[]}", WRITE, Scope.SIGNATURE),
            e("GET", "/api/v1/webhooks/whatsapp", "hub.mode=subscribe&hub.verify_token=x&hub.challenge=c1", null, Set.of(), Scope.OPEN),
            new Endpoint("GET", "/actuator/metrics", null, null, ADMINS, Scope.LEDGER, true),
            e("GET", "/actuator/health", null, null, Set.of(), Scope.OPEN),
            e("GET", "/dashboard", null, null, Set.of(), Scope.OPEN),
            e("GET", "/dashboard/", null, null, Set.of(), Scope.OPEN),
            e("GET", "/dashboard/clock", null, null, Set.of(), Scope.OPEN),
            e("GET", "/v3/api-docs", null, null, Set.of(), Scope.OPEN),
            e("GET", "/v3/api-docs.yaml", null, null, Set.of(), Scope.OPEN),
            e("GET", "/v3/api-docs/swagger-config", null, null, Set.of(), Scope.OPEN),
            e("GET", "/swagger-ui.html", null, null, Set.of(), Scope.OPEN));

    static Endpoint e(String method, String route, String query, String body, Set<Role> roles, Scope scope) {
        return new Endpoint(method, route, query, body, roles, scope, false);
    }

    /** What the answer must be: a refusal's status and code, or {@code code == null} for "let through". */
    record Expected(int status, String code) {
        static final Expected ALLOWED = new Expected(0, null);
    }

    record Probe(Key key, Endpoint endpoint, String method, String path, String body, Expected expected) {
        Probe spelled(String otherPath, Expected otherExpected) {
            return new Probe(key, endpoint, method, otherPath, body, otherExpected);
        }

        @Override
        public String toString() {
            return (key.secret() == null ? "no key" : key.secret()) + " " + method + " " + path;
        }
    }

    static Expected expected(Key key, Endpoint endpoint, String business) {
        if (endpoint.scope() == Scope.OPEN) {
            return Expected.ALLOWED;
        }
        if (!key.known()) {
            return new Expected(401, "UNAUTHENTICATED");
        }
        if (!endpoint.roles().contains(key.role())) {
            return new Expected(403, "FORBIDDEN");
        }
        if (key.businesses().isEmpty()) {
            return Expected.ALLOWED;
        }
        boolean inScope = switch (endpoint.scope()) {
            case PATH, BODY, QUERY -> business != null && key.businesses().contains(business);
            case LEDGER, SIGNATURE -> false;
            case OPEN -> true;
        };
        return inScope ? Expected.ALLOWED : new Expected(403, "BUSINESS_NOT_ALLOWED");
    }

    /** Every key on every endpoint, against a business the key holds and one it does not (and none, for filters). */
    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            List<String> businesses = switch (endpoint.scope()) {
                case PATH, BODY -> List.of(IN, OUT);
                case QUERY -> new ArrayList<>(java.util.Arrays.asList(IN, OUT, null));
                case LEDGER, SIGNATURE -> List.of(IN);
                case OPEN -> java.util.Collections.singletonList(null);
            };
            for (String business : businesses) {
                for (Key key : KEYS) {
                    long n = unique();
                    String user = "4" + n;
                    String b = business == null ? IN : business;
                    boolean noFilter = endpoint.scope() == Scope.QUERY && business == null;
                    String query = endpoint.query() == null || noFilter ? ""
                            : "?" + endpoint.query().replace("{business}", b).replace("{user}", user);
                    String path = endpoint.route().replace("{business}", b).replace("{user}", user)
                            .replace("{requestId}", "wamid.rt" + n).replace("{callId}", "wacid.rt" + n)
                            .replace("{name}", "no-such-projection") + query;
                    String body = endpoint.body() == null ? null
                            : endpoint.body().replace("{business}", b).replace("{user}", user);
                    probes.add(new Probe(key, endpoint, endpoint.method(), path, body, expected(key, endpoint, business)));
                }
            }
        }
        return probes;
    }

    // ------------------------------------------------------------------ the spellings

    /**
     * Other spellings of a refused request's path. Percent-encoded letters route to the same handler, so they
     * get the same answer; {@code //}, {@code ;}, {@code .} and {@code ..} segments are refused by the firewall
     * (400 {@code REQUEST_REJECTED}); a trailing {@code /} routes nowhere, so it is 404 for a known key
     * (401 without one), except under a {@code /**} row, which still matches it.
     */
    static List<Probe> spellings(Probe plain) {
        List<Probe> variants = new ArrayList<>();
        String[] pathAndQuery = plain.path().split("\\?", 2);
        String query = pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "";
        String[] segments = pathAndQuery[0].substring(1).split("/");
        String[] route = plain.endpoint().route().substring(1).split("/");
        Expected rejected = new Expected(400, "REQUEST_REJECTED");
        for (int i = 0; i < segments.length; i++) {
            if (route[i].startsWith("{")) {
                continue;
            }
            for (int j = 0; j < segments[i].length(); j++) {
                char c = segments[i].charAt(j);
                String lower = String.format("%%%02x", (int) c);
                String upper = lower.toUpperCase(java.util.Locale.ROOT);
                variants.add(plain.spelled(join(segments, i, segments[i].substring(0, j) + lower
                        + segments[i].substring(j + 1)) + query, plain.expected()));
                if (!upper.equals(lower)) {
                    variants.add(plain.spelled(join(segments, i, segments[i].substring(0, j) + upper
                            + segments[i].substring(j + 1)) + query, plain.expected()));
                }
            }
            variants.add(plain.spelled(join(segments, i, segments[i] + ";x=1") + query, rejected));
        }
        for (int i = 0; i < segments.length; i++) {
            variants.add(plain.spelled(join(segments, i, "/" + segments[i]) + query, rejected));
            variants.add(plain.spelled(join(segments, i, "./" + segments[i]) + query, rejected));
        }
        variants.add(plain.spelled(join(segments, segments.length - 1, "zz/../" + segments[segments.length - 1]) + query,
                rejected));
        variants.add(plain.spelled(pathAndQuery[0] + "/." + query, rejected));
        Expected trailing = plain.endpoint().prefix() ? plain.expected()
                : plain.key().known() ? new Expected(404, "NOT_FOUND") : plain.expected();
        variants.add(plain.spelled(pathAndQuery[0] + "/" + query, trailing));
        return variants;
    }

    private static String join(String[] segments, int replaced, String replacement) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append('/').append(i == replaced ? replacement : segments[i]);
        }
        return path.toString();
    }

    // ------------------------------------------------------------------ the tests

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Projections projections;
    @Autowired
    Clock clock;

    @Test
    void everyRouteOfTheApiIsInThisTable() {
        Set<String> listed = new TreeSet<>();
        ENDPOINTS.forEach(e -> listed.add(e.method() + " " + e.route()));
        Set<String> routed = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // reached only by the container's own error dispatch
                }
                info.getMethodsCondition().getMethods().forEach(m -> routed.add(m.name() + " " + pattern));
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    routed.add("ANY " + pattern);
                }
            }
        }
        assertThat(listed).as("routes a key could reach that this test does not check").containsAll(routed);
    }

    @Test
    void everyKeyOnEveryEndpointGetsWhatTheRoleTableSays() {
        // allowed reads run real queries (the whole-ledger dashboard summary among them): few at a time
        List<String> failures = sendAll(probes(), 2);
        assertThat(failures).as("answers that differ from the role table").isEmpty();
    }

    @Test
    void noSpellingOfARefusedRequestGetsThroughOrRecordsAnything() {
        List<Probe> refused = probes().stream().filter(p -> p.expected().code() != null).toList();
        List<Probe> all = new ArrayList<>();
        for (Probe plain : refused) {
            all.add(plain);
            all.addAll(spellings(plain));
        }
        Map<String, Long> before = quietRowCounts();

        long start = System.nanoTime();
        List<String> failures = sendAll(all, 8);
        System.out.printf("%d spellings of %d refused requests in %d ms%n", all.size(), refused.size(),
                (System.nanoTime() - start) / 1_000_000);

        assertThat(failures).as("spellings not refused with their exact code").isEmpty();
        assertThat(quietRowCounts()).as("rows of every table").isEqualTo(before);
        assertThat(storedEventsMentioning("wamid.rt") + storedEventsMentioning("wacid.r")).isZero();
        assertThat(refused.size()).as("refused requests generated").isGreaterThan(150);
        assertThat(all.size()).as("spellings generated").isGreaterThan(refused.size() * 20);
    }

    // ------------------------------------------------------------------ sending and checking

    private List<String> sendAll(List<Probe> probes, int inFlight) {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        for (Probe probe : probes) {
            slots.acquireUninterruptibly();
            sent.incrementAndGet();
            pending.add(http().receiveAsync(request(probe))
                    .whenComplete((answer, error) -> {
                        slots.release();
                        String failure = error != null ? "no answer (" + error + ")" : check(probe, answer);
                        if (failure == null) {
                            try {
                                http().documented(answer);
                            } catch (AssertionError undocumented) {
                                failure = undocumented.getMessage();
                            }
                        }
                        if (failure != null && failures.size() < 50) {
                            failures.add(probe + " -> " + failure);
                        }
                    }));
        }
        pending.forEach(f -> f.handle((a, b) -> null).join());
        assertThat(sent.get()).isEqualTo(probes.size());
        return List.copyOf(failures);
    }

    private HttpRequest request(Probe probe) {
        HttpRequest.Builder request = http().withKey(probe.key().secret()).request(probe.path())
                .timeout(Duration.ofSeconds(120))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8));
        if (probe.body() != null) {
            request.header("Content-Type", APPLICATION_JSON);
        }
        return request.build();
    }

    private static final Set<String> SECURITY_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "BUSINESS_NOT_ALLOWED",
            "NOT_FOUND", "METHOD_NOT_ALLOWED", "REQUEST_REJECTED", "RATE_LIMITED");

    private static String check(Probe probe, Answer answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String code = null;
        if (type.startsWith(PROBLEM_JSON)) {
            try {
                code = JSON.readTree(answer.body()).path("code").asText(null);
            } catch (java.io.IOException e) {
                return answer.status() + " with a problem body that is not JSON: " + answer.body();
            }
        }
        Expected expected = probe.expected();
        if (answer.status() >= 500) {
            return answer.status() + " " + answer.body();
        }
        if (expected.code() == null) {
            return code != null && SECURITY_CODES.contains(code) ? "refused although the table allows it: "
                    + answer.status() + " " + answer.body() : null;
        }
        if (answer.status() != expected.status() || !expected.code().equals(code)) {
            return answer.status() + " " + code + " instead of " + expected.status() + " " + expected.code()
                    + ": " + answer.body();
        }
        return null;
    }

    // ------------------------------------------------------------------ nothing recorded

    private static final List<String> TABLES = List.of("domain_event_entry", "business_settings", "due_expiry",
            "dashboard_pair", "dashboard_request", "dashboard_call", "dashboard_refused_request", "erasure_log");

    /** Row counts once the sweeper has nothing due and every projection has caught up with the events. */
    private Map<String, Long> quietRowCounts() {
        eventually(Duration.ofSeconds(60), "the ledger is quiet", () -> {
            Long due = jdbc.queryForObject("select count(*) from due_expiry where due_at <= ?", Long.class,
                    Timestamp.from(clock.instant()));
            return due != null && due == 0 && projections.list().stream()
                    .allMatch(p -> p.lag() != null && p.lag() == 0);
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
