package br.com.vetric;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.ChargePointSnapshot;
import br.com.vetric.cpms.ConnectorSnapshot;
import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.ResidentPrincipals;
import br.com.vetric.identity.ResidentTokens;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Report;
import br.com.vetric.reports.Statements;
import br.com.vetric.reports.UploadCommand;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.Zones;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The isolation matrix of issue #11, over real HTTP with a real PostgreSQL: every API endpoint and page, as an ADMIN,
 * a CLIENTE of A, a CLIENTE of A and B and a CLIENTE of C, acting on condominiums A, B and C and on ids (residents,
 * sessions, chargers, documents, statements) that belong to each. Each answer is exactly what the caller may have:
 * 200 with the named condominium's records and no other condominium's, 404 for a condominium or an id the caller may
 * not see in the condominium acting on, 403 for the operator's endpoints, and a write aimed at another condominium's id
 * changes nothing.
 *
 * <p>The catalogue below names every endpoint the application maps: a new endpoint fails {@link
 * #everyEndpointTheApplicationMapsIsInTheMatrix()} until it is placed in the matrix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class IsolationMatrixTest {

    static final String HEADER = CurrentCondominium.HEADER;

    /** Who may call an endpoint, and on what. */
    enum Kind {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** The caller's own account: no condominium involved. */
        OWN,
        /** VETRIC's staff only, across condominiums: a CLIENTE gets 403. */
        OPERATOR,
        /** VETRIC's staff only, on the condominium named by the header: a CLIENTE gets 403. */
        OPERATOR_IN_CONDOMINIUM,
        /** The condominium named by the header (or the caller's only one), for anyone who may see it. */
        CONDOMINIUM,
        /**
         * The condominium named by the header, for an ADMIN, or a CLIENTE who may see it and whose plan includes API
         * access: the matrix's condominiums are premium (no API access), so a CLIENTE gets 403 in its own condominium
         * and 404 in another.
         */
        API_PLAN_IN_CONDOMINIUM,
        /** A condominium's live event stream (read only for its status: the body never ends). */
        STREAM,
        /** Handled elsewhere: the login form, the OpenAPI UI, the error page. */
        FRAMEWORK,
        /** A signed-in resident's own data (the residents' app): the token says whose; every manager gets 403. */
        RESIDENT_OWN
    }

    /**
     * One endpoint: its method and pattern as mapped, who may call it, and, for reads, the address to request
     * (placeholders {resident}, {session}, {charger}, {document}, {statement}, {month}) and what of the named
     * condominium's records its answer shows.
     */
    record Endpoint(String method, String pattern, Kind kind, String request, Set<Shows> shows) {
        boolean read() {
            return method.equals("GET");
        }

        boolean hasId() {
            return request != null && ID.matcher(request).find();
        }
    }

    enum Shows {
        RESIDENT,
        APARTMENT,
        CHARGER,
        DOCUMENT
    }

    static final Pattern ID = Pattern.compile("\\{(resident|session|charger|document|statement|webhook)}");

    static Endpoint get(String pattern, Kind kind, Shows... shows) {
        return get(pattern, pattern, kind, shows);
    }

    static Endpoint get(String pattern, String request, Kind kind, Shows... shows) {
        return new Endpoint("GET", pattern, kind, request, Set.of(shows));
    }

    static Endpoint write(String method, String pattern, Kind kind) {
        return new Endpoint(method, pattern, kind, null, Set.of());
    }

    static final List<Endpoint> CATALOGUE = List.of(
            // the API, condominium by condominium
            get("/api/v1/residents", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/api/v1/residents/{id}", "/api/v1/residents/{resident}", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/api/v1/residents/audit", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/api/v1/sessions", Kind.CONDOMINIUM, Shows.CHARGER, Shows.RESIDENT),
            get("/api/v1/sessions/{id}", "/api/v1/sessions/{session}", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/api/v1/chargers", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/api/v1/chargers/{uuid}", "/api/v1/chargers/{charger}", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/api/v1/consumption", "/api/v1/consumption?month={month}", Kind.CONDOMINIUM, Shows.APARTMENT),
            get(
                    "/api/v1/insights/forecast",
                    "/api/v1/insights/forecast?month={month}",
                    Kind.CONDOMINIUM,
                    Shows.APARTMENT),
            get("/api/v1/insights/backtest", Kind.CONDOMINIUM),
            get("/api/v1/insights/alert-settings", Kind.CONDOMINIUM),
            get("/api/v1/reports", Kind.CONDOMINIUM, Shows.DOCUMENT),
            get("/api/v1/reports/{id}", "/api/v1/reports/{document}", Kind.CONDOMINIUM, Shows.DOCUMENT),
            get("/api/v1/reports/{id}/download", "/api/v1/reports/{document}/download", Kind.CONDOMINIUM),
            get("/api/v1/reports/statements", "/api/v1/reports/statements?month={month}", Kind.CONDOMINIUM),
            get("/api/v1/reports/statements/{id}", "/api/v1/reports/statements/{statement}", Kind.CONDOMINIUM),
            get(
                    "/api/v1/reports/statements/{id}/lines",
                    "/api/v1/reports/statements/{statement}/lines",
                    Kind.CONDOMINIUM,
                    Shows.RESIDENT),
            get(
                    "/api/v1/reports/statements/{id}/units.csv",
                    "/api/v1/reports/statements/{statement}/units.csv",
                    Kind.CONDOMINIUM),
            get("/api/v1/notifications", Kind.CONDOMINIUM),
            get("/api/v1/tariff", Kind.CONDOMINIUM),
            get("/api/v1/notification-settings", Kind.OPERATOR_IN_CONDOMINIUM),
            get("/api/v1/notification-templates", Kind.CONDOMINIUM),
            get(
                    "/api/v1/notification-templates/{kind}",
                    "/api/v1/notification-templates/CHARGING_STARTED",
                    Kind.CONDOMINIUM),
            write("POST", "/api/v1/residents", Kind.CONDOMINIUM),
            write("PUT", "/api/v1/residents/{id}", Kind.CONDOMINIUM),
            write("DELETE", "/api/v1/residents/{id}", Kind.CONDOMINIUM),
            write("POST", "/api/v1/residents/{id}/tags", Kind.CONDOMINIUM),
            write("POST", "/api/v1/reports", Kind.OPERATOR_IN_CONDOMINIUM),
            write("DELETE", "/api/v1/reports/{id}", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/api/v1/reports/statements", Kind.CONDOMINIUM),
            write("POST", "/api/v1/reports/statements/close", Kind.CONDOMINIUM),
            write("PUT", "/api/v1/tariff", Kind.CONDOMINIUM),
            write("PUT", "/api/v1/insights/alert-settings", Kind.CONDOMINIUM),
            write("DELETE", "/api/v1/tariff/{effectiveFrom}", Kind.CONDOMINIUM),
            write("PUT", "/api/v1/notification-settings", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/api/v1/notification-settings/test", Kind.OPERATOR_IN_CONDOMINIUM),
            write("PUT", "/api/v1/notification-templates/{kind}", Kind.OPERATOR_IN_CONDOMINIUM),
            // API keys and webhooks: an ADMIN, or a CLIENTE whose plan includes API access (the plan's side:
            // integrations.ApiKeysApiTest)
            get("/api/v1/api-keys", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/api-keys", Kind.API_PLAN_IN_CONDOMINIUM),
            write("DELETE", "/api/v1/api-keys/{id}", Kind.API_PLAN_IN_CONDOMINIUM),
            get("/api/v1/webhooks", Kind.API_PLAN_IN_CONDOMINIUM),
            get("/api/v1/webhooks/{id}", "/api/v1/webhooks/{webhook}", Kind.API_PLAN_IN_CONDOMINIUM),
            get(
                    "/api/v1/webhooks/{id}/deliveries",
                    "/api/v1/webhooks/{webhook}/deliveries",
                    Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/webhooks", Kind.API_PLAN_IN_CONDOMINIUM),
            write("PATCH", "/api/v1/webhooks/{id}", Kind.API_PLAN_IN_CONDOMINIUM),
            write("DELETE", "/api/v1/webhooks/{id}", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/webhooks/{id}/rotate-secret", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/webhooks/{id}/replay", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/api/v1/webhooks/{id}/test", Kind.API_PLAN_IN_CONDOMINIUM),
            // the API of the operator and of one's own account
            get("/api/v1/condominiums", Kind.OPERATOR),
            get("/api/v1/condominiums/{id}", Kind.OPERATOR),
            write("POST", "/api/v1/condominiums", Kind.OPERATOR),
            write("PATCH", "/api/v1/condominiums/{id}", Kind.OPERATOR),
            get("/api/v1/users", Kind.OPERATOR),
            get("/api/v1/users/{id}", Kind.OPERATOR),
            write("POST", "/api/v1/users", Kind.OPERATOR),
            write("PATCH", "/api/v1/users/{id}", Kind.OPERATOR),
            get("/api/v1/cpms-connections", Kind.OPERATOR),
            get("/api/v1/cpms-connections/{id}", Kind.OPERATOR),
            get("/api/v1/cpms-connections/{id}/chargers", Kind.OPERATOR),
            write("POST", "/api/v1/cpms-connections", Kind.OPERATOR),
            write("PATCH", "/api/v1/cpms-connections/{id}", Kind.OPERATOR),
            write("DELETE", "/api/v1/cpms-connections/{id}", Kind.OPERATOR),
            write("PUT", "/api/v1/chargers/{uuid}/assignment", Kind.OPERATOR),
            write("POST", "/api/v1/auth/login", Kind.PUBLIC),
            // the residents' app: sign-in, the resident's own data, and the managers' switch
            write("POST", "/api/v1/resident-auth/code", Kind.PUBLIC),
            write("POST", "/api/v1/resident-auth/token", Kind.PUBLIC),
            get("/api/v1/me", Kind.RESIDENT_OWN, Shows.RESIDENT),
            get("/api/v1/me/sessions", "/api/v1/me/sessions?month={month}", Kind.RESIDENT_OWN, Shows.CHARGER),
            get("/api/v1/me/consumption", "/api/v1/me/consumption?month={month}", Kind.RESIDENT_OWN),
            get("/api/v1/me/preferences", Kind.RESIDENT_OWN),
            write("PUT", "/api/v1/me/preferences", Kind.RESIDENT_OWN),
            write("POST", "/api/v1/me/push-subscriptions", Kind.RESIDENT_OWN),
            write("DELETE", "/api/v1/me/push-subscriptions", Kind.RESIDENT_OWN),
            get("/api/v1/residents/app-access", Kind.CONDOMINIUM),
            write("PUT", "/api/v1/residents/{id}/app-access", Kind.CONDOMINIUM),
            // the residents' app's pages
            get("/app/entrar", Kind.PUBLIC),
            write("POST", "/app/entrar/codigo", Kind.PUBLIC),
            write("POST", "/app/entrar", Kind.PUBLIC),
            get("/app", Kind.RESIDENT_OWN),
            get("/app/agora", Kind.RESIDENT_OWN),
            get("/app/stream", Kind.RESIDENT_OWN),
            get("/app/historico", "/app/historico?month={month}", Kind.RESIDENT_OWN),
            get("/app/mes", "/app/mes?month={month}", Kind.RESIDENT_OWN),
            get("/app/preferencias", Kind.RESIDENT_OWN),
            write("POST", "/app/preferencias", Kind.RESIDENT_OWN),
            write("POST", "/api/v1/account/password", Kind.OWN),
            // pages, condominium by condominium
            get("/", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/board/live", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/board/stream", Kind.STREAM),
            get("/chargers", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/chargers/{uuid}", "/chargers/{charger}", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/sessions", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/sessions/{id}", "/sessions/{session}", Kind.CONDOMINIUM, Shows.CHARGER, Shows.RESIDENT),
            get("/sessions/export.{format:csv|xlsx}", "/sessions/export.csv", Kind.CONDOMINIUM, Shows.CHARGER),
            get("/consumption", "/consumption?month={month}", Kind.CONDOMINIUM, Shows.APARTMENT),
            get("/insights", "/insights?month={month}", Kind.CONDOMINIUM, Shows.APARTMENT, Shows.CHARGER),
            get("/insights.pdf", "/insights.pdf?month={month}", Kind.CONDOMINIUM),
            get("/residents", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/residents/new", Kind.CONDOMINIUM),
            get("/residents/import", Kind.CONDOMINIUM),
            get("/residents/unknown-tags", Kind.CONDOMINIUM),
            get("/residents/audit", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/residents/{id}/edit", "/residents/{resident}/edit", Kind.CONDOMINIUM, Shows.RESIDENT),
            get("/reports", Kind.CONDOMINIUM, Shows.DOCUMENT),
            get("/reports/{id}/download", "/reports/{document}/download", Kind.CONDOMINIUM),
            get("/reports/statements/{id}/units.csv", "/reports/statements/{statement}/units.csv", Kind.CONDOMINIUM),
            get("/notifications", Kind.CONDOMINIUM),
            write("POST", "/residents", Kind.CONDOMINIUM),
            write("POST", "/residents/{id}", Kind.CONDOMINIUM),
            write("POST", "/residents/{id}/deactivate", Kind.CONDOMINIUM),
            write("POST", "/residents/import", Kind.CONDOMINIUM),
            write("POST", "/residents/settings", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/residents/unknown-tags/assign", Kind.CONDOMINIUM),
            write("POST", "/reports/upload", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/reports/{id}/delete", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/reports/tariff", Kind.CONDOMINIUM),
            write("POST", "/reports/tariff/delete", Kind.CONDOMINIUM),
            write("POST", "/reports/statements", Kind.CONDOMINIUM),
            write("POST", "/condominium", Kind.CONDOMINIUM),
            // API keys and webhooks pages: as their API (the matrix's premium condominiums: the ADMIN only)
            get("/integrations", Kind.API_PLAN_IN_CONDOMINIUM),
            get("/integrations/webhooks/{id}", "/integrations/webhooks/{webhook}", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/api-keys", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/api-keys/{id}/revoke", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/webhooks", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/webhooks/{id}/delete", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/webhooks/{id}/test", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/webhooks/{id}/rotate-secret", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/integrations/webhooks/{id}/deliveries/{deliveryId}/replay", Kind.API_PLAN_IN_CONDOMINIUM),
            write("POST", "/insights/alert-settings", Kind.CONDOMINIUM),
            // the operator's pages
            get("/admin/system", Kind.OPERATOR),
            get("/admin/portfolio", Kind.OPERATOR),
            get("/admin/portfolio/attention", Kind.OPERATOR),
            get("/admin/users", Kind.OPERATOR),
            get("/admin/users/{id}/edit", Kind.OPERATOR),
            write("POST", "/admin/users", Kind.OPERATOR),
            write("POST", "/admin/users/{id}", Kind.OPERATOR),
            write("POST", "/admin/users/{id}/active", Kind.OPERATOR),
            write("POST", "/admin/users/{id}/password", Kind.OPERATOR),
            write("POST", "/admin/users/{id}/invitation", Kind.OPERATOR),
            get("/admin/condominiums", Kind.OPERATOR),
            get("/admin/condominiums/new", Kind.OPERATOR),
            get("/admin/condominiums/{id}/edit", Kind.OPERATOR),
            write("POST", "/admin/condominiums", Kind.OPERATOR),
            write("POST", "/admin/condominiums/{id}", Kind.OPERATOR),
            write("POST", "/admin/condominiums/{id}/active", Kind.OPERATOR),
            get("/admin/connections", Kind.OPERATOR),
            get("/admin/connections/{id}", Kind.OPERATOR),
            get("/admin/chargers/unassigned", Kind.OPERATOR),
            write("POST", "/admin/connections", Kind.OPERATOR),
            write("POST", "/admin/connections/{id}/delete", Kind.OPERATOR),
            write("POST", "/admin/chargers/{uuid}/assignment", Kind.OPERATOR),
            get("/admin/notifications/settings", Kind.OPERATOR_IN_CONDOMINIUM),
            get("/admin/notifications/templates", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/admin/notifications/settings", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/admin/notifications/settings/test", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/admin/notifications/templates/{kind}", Kind.OPERATOR_IN_CONDOMINIUM),
            write("POST", "/admin/notifications/templates/preview", Kind.OPERATOR_IN_CONDOMINIUM),
            // one's own account and the public pages
            get("/account", Kind.OWN),
            write("POST", "/account/password", Kind.OWN),
            get("/health", Kind.PUBLIC),
            get("/login", Kind.FRAMEWORK),
            get("/invitation/{token}", Kind.PUBLIC),
            write("POST", "/invitation/{token}", Kind.PUBLIC),
            get("/login/throttled", Kind.FRAMEWORK),
            write("POST", "/login/throttled", Kind.FRAMEWORK));

    @LocalServerPort
    int port;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    Users users;

    @Autowired
    Chargers chargers;

    @Autowired
    br.com.vetric.sync.Connections connections;

    @Autowired
    Documents documents;

    @Autowired
    Statements statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResidentTokens residentTokens;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String run;
    HttpFrom http;
    YearMonth lastMonth;
    final Map<String, Place> places = new LinkedHashMap<>();
    final Map<String, Caller> callers = new LinkedHashMap<>();

    /** One condominium of the matrix and the ids and words of its records. */
    record Place(
            Condominium condominium,
            long resident,
            String residentName,
            String apartment,
            long session,
            String charger,
            String chargerName,
            long document,
            String documentTitle,
            long statement,
            long webhook,
            String residentToken,
            String neighbourName,
            String neighbourCharger) {
        String id() {
            return Long.toString(condominium.id().value());
        }

        String words(Shows what) {
            return switch (what) {
                case RESIDENT -> residentName;
                case APARTMENT -> apartment;
                case CHARGER -> chargerName;
                case DOCUMENT -> documentTitle;
            };
        }

        List<String> allWords() {
            return List.of(residentName, apartment, chargerName, documentTitle);
        }

        String fill(String request, Place owner, YearMonth month) {
            return request.replace("{resident}", Long.toString(owner.resident))
                    .replace("{session}", Long.toString(owner.session))
                    .replace("{charger}", owner.charger)
                    .replace("{document}", Long.toString(owner.document))
                    .replace("{statement}", Long.toString(owner.statement))
                    .replace("{webhook}", Long.toString(owner.webhook))
                    .replace("{month}", month.toString());
        }
    }

    /** Someone calling: a bearer token for the API, a signed-in cookie client for the pages. */
    record Caller(String name, long id, boolean admin, Set<String> sees, String token, HttpFrom pages, String csrf) {}

    @BeforeEach
    void setUp() {
        http = HttpFrom.address("127.0.0.1", port);
        run = Long.toString(System.nanoTime(), 36);
        lastMonth = YearMonth.now(Zones.SAO_PAULO).minusMonths(1);
        for (String name : List.of("Alfa", "Beta", "Gama")) {
            places.put(name, place(name));
        }
        caller("ADMIN", "admin@vetric.test", "admin-test-password", true);
        caller("CLIENTE de A", cliente("a", "Alfa"), "senha-matriz-1", false, "Alfa");
        caller("CLIENTE de A e B", cliente("ab", "Alfa", "Beta"), "senha-matriz-1", false, "Alfa", "Beta");
        caller("CLIENTE de C", cliente("c", "Gama"), "senha-matriz-1", false, "Gama");
    }

    Place place(String name) {
        // premium: a plan with statements, so the statements' endpoints answer by condominium (a plan without them is
        // a 403 for everyone, tested in condominium.PlanLimitsApiTest)
        Condominium c = condominiums.create(new br.com.vetric.condominium.CondominiumCommand(
                name + " " + run, null, null, null, null, null, "premium", true));
        CondominiumId id = c.id();
        String residentName = "Morador " + name + " " + run;
        String tag = (name + run).toUpperCase();
        String apartment = "Cobertura " + name + run; // kept as typed: a word no other record holds
        long resident = residents
                .create(id, new ResidentCommand(residentName, apartment, null, null, List.of(tag), true))
                .id();
        String uuid = "uuid-" + name.toLowerCase() + "-" + run;
        String chargerName = "Vaga " + name + " " + run;
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> chargers.apply(
                id,
                List.of(new ChargePointSnapshot(
                        uuid,
                        "box-" + run,
                        chargerName,
                        "Intelbras",
                        "CVE",
                        now,
                        true,
                        List.of(new ConnectorSnapshot(1, ConnectorStatus.AVAILABLE, null, null, null, now, 7400)))),
                now));
        Instant start =
                lastMonth.atDay(10).atTime(20, 0).atZone(Zones.SAO_PAULO).toInstant();
        long session = jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, id_tag, resident_id, status, started_at, ended_at, energy_wh, idle_seconds)
                        values (:c, :tx, :uuid, :name, 1, :tag, :r, 'FINISHED', :s, :e, 12345, 0)
                        returning id""")
                .param("c", id.value())
                .param("tx", System.nanoTime())
                .param("uuid", uuid)
                .param("name", chargerName)
                .param("tag", tag)
                .param("r", resident)
                .param("s", Timestamp.from(start))
                .param("e", Timestamp.from(start.plusSeconds(3 * 3600)))
                .query(Long.class)
                .single();
        // a neighbour in the same condominium, with a session of their own: a resident never sees it
        String neighbourName = "Vizinho " + name + " " + run;
        String neighbourCharger = "Vaga Vizinho " + name + " " + run;
        long neighbour = residents
                .create(id, new ResidentCommand(neighbourName, "Vizinho " + name + run, null, null, List.of(), true))
                .id();
        jdbc.sql("""
                        insert into charging_session (condominium_id, external_transaction_id, charger_uuid, charger_name,
                               connector_id, resident_id, status, started_at, ended_at, energy_wh, idle_seconds)
                        values (:c, :tx, :uuid, :name, 1, :r, 'FINISHED', :s, :e, 777, 0)""")
                .param("c", id.value())
                .param("tx", System.nanoTime())
                .param("uuid", uuid)
                .param("name", neighbourCharger)
                .param("r", neighbour)
                .param("s", Timestamp.from(start.plusSeconds(5 * 3600)))
                .param("e", Timestamp.from(start.plusSeconds(6 * 3600)))
                .update();
        String residentToken = residentTokens
                .issue(ResidentPrincipals.principal(resident, residentName, id.value(), 0))
                .token();
        String title = "Ata " + name + " " + run;
        long document = documents
                .upload(
                        id,
                        new UploadCommand(
                                title,
                                "assembleia",
                                lastMonth.getYear(),
                                lastMonth.getMonthValue(),
                                Report.Visibility.CONDOMINIUM,
                                "ata.pdf"),
                        pdf(),
                        null)
                .id();
        long statement = statements.generate(id, lastMonth, null).id();
        long webhook = jdbc.sql("""
                        insert into webhook_endpoint (condominium_id, url, events, secret, created_at, updated_at)
                        values (:c, 'https://example.com/hook', '{charger.online}', 'v1:not-read', now(), now())
                        returning id""").param("c", id.value()).query(Long.class).single();
        return new Place(
                c,
                resident,
                residentName,
                apartment,
                session,
                uuid,
                chargerName,
                document,
                title,
                statement,
                webhook,
                residentToken,
                neighbourName,
                neighbourCharger);
    }

    static byte[] pdf() {
        byte[] head = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(head, 2_000);
        System.arraycopy(tail, 0, b, b.length - tail.length, tail.length);
        return b;
    }

    String cliente(String who, String... of) {
        String email = "matriz-" + who + "-" + run + "@vetric.test";
        users.create(new UserCommand(
                email,
                "Síndico " + who,
                "CLIENTE",
                Arrays.stream(of)
                        .map(p -> places.get(p).condominium().id().value())
                        .toList(),
                true,
                "senha-matriz-1"));
        return email;
    }

    void caller(String name, String email, String password, boolean admin, String... sees) {
        HttpResponse<String> login = http.apiLogin(email, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpFrom pages = HttpFrom.withCookies("127.0.0.1", port);
        assertThat(pages.formLogin(email, password).statusCode()).isEqualTo(302);
        String csrf = csrf(pages.get("/account").body());
        Set<String> visible = admin ? places.keySet() : Set.of(sees);
        long id = users.list().stream()
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow()
                .id();
        callers.put(name, new Caller(name, id, admin, visible, JsonPath.read(login.body(), "$.token"), pages, csrf));
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    HttpResponse<String> send(Caller caller, String method, String path, String condominium, String body) {
        boolean api = path.startsWith("/api/");
        HttpFrom client = api ? http : caller.pages();
        HttpRequest.Builder r = client.request(path);
        if (api) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        if (condominium != null) {
            r.header(HEADER, condominium);
        }
        if (method.equals("GET")) {
            r.GET();
        } else if (api) {
            r.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
        } else {
            String form = "_csrf=" + caller.csrf() + (body == null ? "" : "&" + body);
            r.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return client.send(r);
    }

    /** A document upload as the API and the page take it (multipart), for a caller who may not upload. */
    HttpResponse<String> upload(Caller caller, String path, String condominium) {
        String boundary = "matriz" + run;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nIntruso\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2026\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"month\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + caller.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n";
        boolean api = path.startsWith("/api/");
        HttpFrom client = api ? http : caller.pages();
        HttpRequest.Builder r = client.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(HEADER, condominium)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (api) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        return client.send(r);
    }

    /** Every (method, pattern) the application maps, as "GET /api/v1/residents/{id}". */
    Set<String> mapped() {
        Set<String> all = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .collect(Collectors.toSet());
            if (methods.isEmpty()) {
                methods = Set.of("GET", "POST");
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")
                        || pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger")) {
                    continue; // the framework's error page and the OpenAPI document (ApiDocsTest)
                }
                methods.forEach(m -> all.add(m + " " + pattern));
            }
        }
        return all;
    }

    @Test
    void everyEndpointTheApplicationMapsIsInTheMatrix() {
        Set<String> catalogued = CATALOGUE.stream()
                .map(e -> e.method() + " " + e.pattern())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> mapped = mapped();
        assertThat(mapped)
                .as("endpoints the application maps that the isolation matrix does not place")
                .isSubsetOf(catalogued);
        assertThat(catalogued)
                .as("endpoints in the matrix that the application no longer maps")
                .isSubsetOf(mapped);
    }

    /**
     * Every read, by every caller, in every condominium, on the ids of every condominium: the status it must get, and
     * in a 200 the named condominium's records and none of another's.
     */
    @Test
    void everyReadGivesEachCallerExactlyTheCondominiumItNamesAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Endpoint e : CATALOGUE) {
            if (!e.read()
                    || (e.kind() != Kind.CONDOMINIUM
                            && e.kind() != Kind.OPERATOR_IN_CONDOMINIUM
                            && e.kind() != Kind.API_PLAN_IN_CONDOMINIUM)) {
                continue;
            }
            for (Caller caller : callers.values()) {
                for (Place acting : places.values()) {
                    for (Place owner : e.hasId() ? places.values() : List.of(acting)) {
                        String path = acting.fill(e.request(), owner, lastMonth);
                        HttpResponse<String> r = send(caller, "GET", path, acting.id(), null);
                        requests++;
                        int expected = expectedRead(e, caller, acting, owner);
                        String at = caller.name() + " GET " + path + " in "
                                + acting.condominium().name()
                                + (owner == acting
                                        ? ""
                                        : " (id of " + owner.condominium().name() + ")");
                        boolean asExpected = expected == ROLE_OR_NOT_FOUND
                                ? r.statusCode() == 403 || r.statusCode() == 404
                                : r.statusCode() == expected;
                        if (!asExpected) {
                            wrong.add(at + ": " + r.statusCode() + ", expected " + expected);
                            continue;
                        }
                        if (expected == 200) {
                            for (Place other : places.values()) {
                                if (other == acting) continue;
                                for (String w : other.allWords()) {
                                    if (r.body().contains(w)) {
                                        wrong.add(at + ": shows \"" + w + "\" of "
                                                + other.condominium().name());
                                    }
                                }
                            }
                            for (Shows s : e.shows()) {
                                if (!r.body().contains(acting.words(s))) {
                                    wrong.add(at + ": does not show \"" + acting.words(s) + "\"");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("of %d requests", requests).isEmpty();
        assertThat(requests).isGreaterThan(500);
    }

    /** Either refusal: 403 for the role or 404 for the condominium. */
    static final int ROLE_OR_NOT_FOUND = -1;

    int expectedRead(Endpoint e, Caller caller, Place acting, Place owner) {
        if (e.kind() == Kind.API_PLAN_IN_CONDOMINIUM && !caller.admin()) {
            if (!caller.sees().contains(nameOf(acting))) {
                return e.request().startsWith("/api/") ? 404 : ROLE_OR_NOT_FOUND;
            }
            return 403; // the plan has no API access
        }
        if (e.kind() == Kind.OPERATOR_IN_CONDOMINIUM && !caller.admin()) {
            // refused for the role (a page may say 404 first for a condominium the caller may not see: its header's
            // selector resolves the condominium while the refusal is rendered; the same for any id, so it tells
            // nothing)
            return !caller.sees().contains(nameOf(acting)) && !e.request().startsWith("/api/")
                    ? ROLE_OR_NOT_FOUND
                    : 403;
        }
        if (!caller.sees().contains(nameOf(acting))) {
            return 404;
        }
        return owner == acting ? 200 : 404;
    }

    String nameOf(Place p) {
        return places.entrySet().stream()
                .filter(x -> x.getValue() == p)
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /**
     * A resident (of each condominium, with a neighbour who also charged) gets their own data from every residents'
     * endpoint, and nothing of the neighbour's nor of another condominium's, whatever condominium the header names; on
     * every other endpoint of the API a 403. Every manager gets 403 on the residents' endpoints.
     */
    @Test
    void aResidentSeesOnlyTheirOwnDataAndNoneOfTheManagersEndpoints() {
        List<String> wrong = new ArrayList<>();
        for (Place mine : places.values()) {
            for (Place acting : places.values()) {
                for (Endpoint e : CATALOGUE) {
                    if (!e.pattern().startsWith("/api/") || e.kind() == Kind.PUBLIC) continue;
                    boolean own = e.kind() == Kind.RESIDENT_OWN;
                    if (own && !e.read()) continue; // the residents' own writes: ResidentDataTest
                    String path = acting.fill(e.read() ? e.request() : e.pattern(), acting, lastMonth)
                            .replace("{id}", Long.toString(acting.resident()))
                            .replace("{uuid}", acting.charger())
                            .replace("{kind}", "CHARGING_STARTED")
                            .replace("{deliveryId}", "1")
                            .replace("{effectiveFrom}", "2031-01-01");
                    HttpResponse<String> r = asResident(mine, e.method(), path, acting.id());
                    String at = "resident of " + mine.condominium().name() + " " + e.method() + " " + path + " naming "
                            + acting.condominium().name();
                    if (!own) {
                        if (r.statusCode() != 403) wrong.add(at + ": " + r.statusCode() + ", expected 403");
                        continue;
                    }
                    if (r.statusCode() != 200) {
                        wrong.add(at + ": " + r.statusCode() + ", expected 200");
                        continue;
                    }
                    for (Place other : places.values()) {
                        List<String> words = new ArrayList<>(List.of(other.neighbourName(), other.neighbourCharger()));
                        if (other != mine) words.addAll(other.allWords());
                        for (String w : words) {
                            if (r.body().contains(w)) wrong.add(at + ": shows \"" + w + "\"");
                        }
                    }
                    for (Shows s : e.shows()) {
                        if (!r.body().contains(mine.words(s))) {
                            wrong.add(at + ": does not show \"" + mine.words(s) + "\"");
                        }
                    }
                    if (e.pattern().equals("/api/v1/me/consumption")
                            && ((Number) JsonPath.read(r.body(), "$.energyWh")).longValue() != 12345) {
                        wrong.add(at + ": counts energy that is not the resident's: " + r.body());
                    }
                }
            }
        }
        Place alfa = places.get("Alfa");
        for (Caller caller : callers.values()) {
            for (Endpoint e : CATALOGUE) {
                if (e.kind() != Kind.RESIDENT_OWN) continue;
                String path = e.read() ? alfa.fill(e.request(), alfa, lastMonth) : e.pattern();
                int status = send(caller, e.method(), path, alfa.id(), "{}").statusCode();
                if (status != 403) wrong.add(caller.name() + " " + e.method() + " " + path + ": " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    HttpResponse<String> asResident(Place mine, String method, String path, String condominium) {
        HttpRequest.Builder r = http.request(path)
                .header("Authorization", "Bearer " + mine.residentToken())
                .header(HEADER, condominium);
        if (method.equals("GET")) {
            r.GET();
        } else {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return http.send(r);
    }

    /** The live stream answers only for a condominium the caller may see. */
    @Test
    void theLiveStreamOpensOnlyForACondominiumTheCallerMaySee() {
        for (Caller caller : callers.values()) {
            for (Place acting : places.values()) {
                if (caller.sees().contains(nameOf(acting))) continue;
                HttpResponse<String> r = send(caller, "GET", "/board/stream", acting.id(), null);
                assertThat(r.statusCode())
                        .as(caller.name() + " stream of " + acting.condominium().name())
                        .isEqualTo(404);
            }
        }
    }

    /** The operator's endpoints (and those the matrix's premium plan lacks): a CLIENTE gets 403 on every one, the ADMIN gets in. */
    @Test
    void theOperatorsEndpointsRefuseEveryCliente() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : CATALOGUE) {
            if (e.kind() != Kind.OPERATOR
                    && e.kind() != Kind.OPERATOR_IN_CONDOMINIUM
                    && e.kind() != Kind.API_PLAN_IN_CONDOMINIUM) continue;
            String path = e.pattern()
                    .replace("{id}", places.get("Alfa").id())
                    .replace("{kind}", "CHARGING_STARTED")
                    .replace("{deliveryId}", "1")
                    .replace("{uuid}", "any-charger");
            for (Caller caller : callers.values()) {
                if (caller.admin()) continue;
                HttpResponse<String> r = path.endsWith("/reports") || path.endsWith("/upload")
                        ? upload(caller, path, places.get("Alfa").id())
                        : send(caller, e.method(), path, places.get("Alfa").id(), null);
                boolean refused = r.statusCode() == 403
                        || (r.statusCode() == 404 && !caller.sees().contains("Alfa"));
                if (!refused) {
                    wrong.add(caller.name() + " " + e.method() + " " + path + ": " + r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        Caller admin = callers.get("ADMIN");
        for (Endpoint e : CATALOGUE) {
            if (e.kind() != Kind.OPERATOR || !e.read()) continue;
            String path = e.pattern().replace("{id}", places.get("Alfa").id());
            if (path.startsWith("/admin/users/") || path.startsWith("/api/v1/users/")) {
                path = path.replace(places.get("Alfa").id(), Long.toString(admin.id()));
            }
            if (path.startsWith("/admin/connections/") || path.startsWith("/api/v1/cpms-connections/")) {
                path = path.replace(
                        places.get("Alfa").id(),
                        Long.toString(connections.list().getFirst().id()));
            }
            assertThat(send(admin, "GET", path, null, null).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    /**
     * A write aimed at another condominium's record, or made in a condominium the caller may not see, is refused and
     * changes nothing: the three condominiums' records read the same afterwards.
     */
    @Test
    void aWriteAimedAtAnotherCondominiumIsRefusedAndChangesNothing() {
        Map<String, String> before = fingerprints();
        List<String> wrong = new ArrayList<>();
        List<String[]> writes = List.of(
                new String[] {"PUT", "/api/v1/residents/{resident}", residentJson()},
                new String[] {"DELETE", "/api/v1/residents/{resident}", null},
                new String[] {"POST", "/api/v1/residents/{resident}/tags", "{\"tag\":\"NOVA" + run + "\"}"},
                new String[] {"DELETE", "/api/v1/reports/{document}", null},
                new String[] {"POST", "/residents/{resident}", null},
                new String[] {"POST", "/residents/{resident}/deactivate", null},
                new String[] {"POST", "/reports/{document}/delete", null});
        for (String[] w : writes) {
            for (Caller caller : callers.values()) {
                for (Place acting : places.values()) {
                    for (Place owner : places.values()) {
                        boolean sees = caller.sees().contains(nameOf(acting));
                        if (sees && owner == acting) continue; // a legitimate write: the modules' own tests
                        String path = acting.fill(w[1], owner, lastMonth);
                        HttpResponse<String> r = send(caller, w[0], path, acting.id(), w[2]);
                        int status = r.statusCode();
                        boolean refused = status == 404 || (status == 403 && !caller.admin());
                        if (!refused) {
                            wrong.add(caller.name() + " " + w[0] + " " + path + " in "
                                    + acting.condominium().name() + ": " + status);
                        }
                    }
                }
            }
        }
        // writes to a whole condominium, named by a header the caller may not use: valid requests, so that only
        // the condominium can be the reason to refuse (a CLIENTE may also be refused for the role: 403)
        String month = lastMonth.toString();
        List<String[]> collectionWrites = List.of(
                new String[] {"POST", "/api/v1/residents", residentJson()},
                new String[] {"PUT", "/api/v1/tariff", "{\"mode\":\"FLAT\",\"flatPrice\":1.5}"},
                new String[] {"DELETE", "/api/v1/tariff/2031-01-01", null},
                new String[] {"POST", "/api/v1/reports/statements?month=" + month, null},
                new String[] {"POST", "/api/v1/reports/statements/close?month=" + month, null},
                new String[] {"PUT", "/api/v1/notification-templates/CHARGING_STARTED", "{\"body\":\"Oi\"}"},
                new String[] {"PUT", "/api/v1/notification-settings", "{\"enabled\":false}"},
                new String[] {"POST", "/api/v1/notification-settings/test", "{\"phone\":\"(11) 99876-5432\"}"},
                new String[] {"POST", "/residents", "name=Intruso&apartment=999"},
                new String[] {"POST", "/reports/tariff", "mode=FLAT&flatPrice=1,50"},
                new String[] {"POST", "/reports/tariff/delete", "effectiveFrom=2031-01-01"},
                new String[] {"POST", "/reports/statements", "month=" + month + "&close=true"},
                new String[] {"POST", "/residents/settings", "clienteMayEdit=true"},
                new String[] {"POST", "/residents/unknown-tags/assign", "tag=ZZZ&residentId=1"});
        for (String[] w : collectionWrites) {
            for (Caller caller : callers.values()) {
                for (Place acting : places.values()) {
                    if (caller.sees().contains(nameOf(acting))) continue;
                    HttpResponse<String> r = send(caller, w[0], w[1], acting.id(), w[2]);
                    if (r.statusCode() != 404 && r.statusCode() != 403) {
                        wrong.add(caller.name() + " " + w[0] + " " + w[1] + " in "
                                + acting.condominium().name() + ": " + r.statusCode());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(fingerprints()).isEqualTo(before);
    }

    String residentJson() {
        return "{\"name\":\"Intruso " + run + "\",\"apartment\":\"999\",\"tags\":[]}";
    }

    /** What each condominium of the matrix holds, as text: equal before and after means nothing changed. */
    Map<String, String> fingerprints() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Place p : places.values()) {
            long c = p.condominium().id().value();
            Set<String> rows = new LinkedHashSet<>();
            rows.addAll(
                    jdbc.sql("select r.id || r.name || r.apartment || r.active || coalesce(string_agg(t.tag, ',' order"
                                    + " by t.tag), '') from resident r left join resident_tag t on t.resident_id = r.id"
                                    + " where r.condominium_id = :c group by r.id order by r.id")
                            .param("c", c)
                            .query(String.class)
                            .list());
            rows.addAll(jdbc.sql("select id || title from report where condominium_id = :c order by id")
                    .param("c", c)
                    .query(String.class)
                    .list());
            rows.addAll(jdbc.sql(
                            "select id || ':' || version || ':' || total_cost from statement where condominium_id = :c order by id")
                    .param("c", c)
                    .query(String.class)
                    .list());
            rows.addAll(jdbc.sql(
                            "select count(*) || ':' || coalesce(max(updated_at)::text, '') from report_tariff where condominium_id = :c")
                    .param("c", c)
                    .query(String.class)
                    .list());
            all.put(p.condominium().name(), String.join("\n", rows));
        }
        return all;
    }
}
