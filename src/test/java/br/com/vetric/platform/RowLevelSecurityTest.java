package br.com.vetric.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Isolation by the database: every condominium-owned table has row-level security, forced, keyed by the scope that
 * {@link Tenancy} gives each unit of work, and the application's role (which owns nothing and has no BYPASSRLS) is
 * held to it through the real pool and transaction manager. Shares the API tests' context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vetric.demo.live=false")
@ActiveProfiles("test")
class RowLevelSecurityTest {

    /** Tables with a condominium_id that are not condominium-owned data (V130 says why). */
    static final Set<String> NOT_SUBJECT = Set.of("condominium", "user_condominium");

    private static final ExecutorService UNSCOPED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "no-condominium-scope");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource pool;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Condominiums condominiums;

    @Autowired
    Residents residents;

    @Autowired
    DatabaseConfiguration.Database database;

    CondominiumId a;
    CondominiumId b;

    @AfterAll
    static void stop() {
        UNSCOPED.shutdownNow();
    }

    @BeforeEach
    void twoCondominiumsWithRows() {
        a = condominiums.create("RLS A " + UUID.randomUUID()).id();
        b = condominiums.create("RLS B " + UUID.randomUUID()).id();
        for (CondominiumId c : List.of(a, b)) {
            residents.create(c, new ResidentCommand("Morador " + c, "101", null, null, List.of("TAG" + c), true));
            jdbc.sql("""
                            insert into charger (condominium_id, uuid, status, first_seen_at, last_changed_at)
                            values (:c, :uuid, 'Available', now(), now())
                            """).param("c", c.value()).param("uuid", "rls-" + c).update();
            jdbc.sql("""
                            insert into charging_session (condominium_id, charger_uuid, connector_id, status, started_at)
                            values (:c, :uuid, 1, 'CHARGING', now())
                            """).param("c", c.value()).param("uuid", "rls-" + c).update();
        }
    }

    @Test
    void everyTableWithACondominiumIdHasRowLevelSecurityEnabledAndForcedWithTheScopePolicy() throws SQLException {
        Map<String, List<Object>> tables = new LinkedHashMap<>();
        try (Connection owner = database.migration().connect();
                Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_policy p where p.polrelid = c.oid
                                       and p.polname = 'condominium_scope') as has_policy
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'condominium_id' and not a.attisdropped
                        where c.relkind in ('r', 'p')
                        order by c.relname
                        """)) {
            while (rs.next()) {
                tables.put(rs.getString(1), List.of(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
        }
        assertThat(tables).containsKeys("resident", "charger", "charging_session", "notification_outbox", "statement");
        tables.forEach((table, flags) -> {
            if (NOT_SUBJECT.contains(table)) {
                assertThat(flags).as(table).containsExactly(false, false, false);
            } else {
                assertThat(flags)
                        .as("%s: row security enabled, forced, policy condominium_scope", table)
                        .containsExactly(true, true, true);
            }
        });
    }

    @Test
    void theApplicationsRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
        Map<String, Object> role = jdbc.sql("""
                        select r.rolname, r.rolsuper, r.rolbypassrls,
                               (select count(*) from pg_tables t where t.schemaname = current_schema()
                                and t.tableowner = current_user) as owned
                        from pg_roles r where r.rolname = current_user
                        """).query().singleRow();
        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
        assertThat(role.get("owned")).isEqualTo(0L);
    }

    @Test
    void withoutACondominiumTheApplicationRoleSeesNoRowOfAnyCondominiumOwnedTable() {
        List<String> subject = subjectTables();
        Map<String, Long> everything = counts(subject);
        assertThat(everything.get("resident")).isPositive();
        assertThat(everything.get("charger")).isPositive();
        assertThat(everything.get("charging_session")).isPositive();

        Map<String, Long> auto = unscoped(() -> counts(subject));
        Map<String, Long> inTransaction = unscoped(() -> tx.execute(s -> counts(subject)));

        assertThat(auto).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(inTransaction)
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(unscoped(() -> condominiums.all())).isNotEmpty(); // the registry of tenants is not subject
    }

    @Test
    void withoutACondominiumNothingCanBeWritten() {
        assertThatThrownBy(
                        () -> unscoped(() -> jdbc.sql("""
                                insert into charger (condominium_id, uuid, status, first_seen_at, last_changed_at)
                                values (:c, 'intruder', 'Available', now(), now())
                                """).param("c", a.value()).update()))
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThat(unscoped(() -> jdbc.sql("update resident set name = 'x'").update()))
                .isZero();
    }

    @Test
    void aQueryThatForgetsItsCondominiumFilterStillSeesOnlyTheCondominiumItActsFor() {
        String slip = "select distinct condominium_id from resident"; // no "where condominium_id = :c"

        List<Long> autoCommit = unscoped(
                () -> Tenancy.within(a, () -> jdbc.sql(slip).query(Long.class).list()));
        List<Long> inTransaction = unscoped(() -> Tenancy.within(
                a, () -> tx.execute(s -> jdbc.sql(slip).query(Long.class).list())));
        List<Long> acrossAll = unscoped(() -> Tenancy.acrossAll(
                "the test's ADMIN view", () -> jdbc.sql(slip).query(Long.class).list()));

        assertThat(autoCommit).containsExactly(a.value());
        assertThat(inTransaction).containsExactly(a.value());
        assertThat(acrossAll).contains(a.value(), b.value());
    }

    @Test
    void aWriteThatForgetsItsCondominiumFilterCannotTouchAnotherCondominiumsRows() {
        int updated = unscoped(() -> Tenancy.within(
                a,
                () -> tx.execute(
                        s -> jdbc.sql("update charger set name = 'slip'").update())));
        assertThat(updated).isEqualTo(1);
        assertThat(jdbc.sql("select name from charger where condominium_id = :b")
                        .param("b", b.value())
                        .query(String.class)
                        .list())
                .containsOnlyNulls();

        assertThatThrownBy(() -> unscoped(() -> Tenancy.within(
                        a, () -> jdbc.sql("""
                                        insert into charger (condominium_id, uuid, status, first_seen_at, last_changed_at)
                                        values (:b, 'written-by-a', 'Available', now(), now())
                                        """).param("b", b.value()).update())))
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void aPooledConnectionNeverCarriesOneUnitOfWorksScopeIntoTheNext() {
        // every connection of the pool, held at once: in condominium A's scope (auto-commit statements, then
        // transactions), after a failed transaction across all, in B's, then with none
        assertThat(onEveryConnection(() -> a, false)).containsOnly(List.of(a.value()));
        assertThat(onEveryConnection(() -> a, true)).containsOnly(List.of(a.value()));
        assertThatThrownBy(() -> unscoped(() -> Tenancy.acrossAll(
                        "a transaction that fails",
                        () -> tx.execute(s -> {
                            jdbc.sql("select count(*) from resident")
                                    .query(Long.class)
                                    .single();
                            throw new IllegalStateException("rolled back");
                        }))))
                .hasMessage("rolled back");
        assertThat(onEveryConnection(() -> b, true)).containsOnly(List.of(b.value()));
        assertThat(onEveryConnection(() -> b, false)).containsOnly(List.of(b.value()));
        assertThat(onEveryConnection(() -> null, false)).containsOnly(List.of());
        assertThat(onEveryConnection(() -> null, true)).containsOnly(List.of());
    }

    @Test
    void theScopeCannotChangeInsideATransaction() {
        assertThatThrownBy(() -> unscoped(() -> Tenancy.within(
                        a,
                        () -> tx.execute(s -> Tenancy.within(
                                b, () -> jdbc.sql("select 1").query(Long.class).single())))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixed when a transaction begins");
    }

    @Test
    void everyEventListenerActsForTheCondominiumItsEventNames() {
        methods()
                .that()
                .areAnnotatedWith(ApplicationModuleListener.class)
                .should(
                        new ArchCondition<>(
                                "take an event that names its condominium (CondominiumId condominiumId())") {
                            @Override
                            public void check(JavaMethod method, ConditionEvents events) {
                                if (TenancyOfListeners.condominiumOf(method.reflect()) == null) {
                                    events.add(SimpleConditionEvent.violated(
                                            method,
                                            method.getFullName()
                                                    + " would run without a condominium scope and see nothing"));
                                }
                            }
                        })
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("br.com.vetric"));
    }

    /**
     * As many units of work as the pool has connections, at once (so each holds its own), each in {@code scope}
     * (none when null) through the real pool and transaction manager: which of A's and B's residents each sees.
     */
    private List<List<Long>> onEveryConnection(Supplier<CondominiumId> scope, boolean transaction) {
        int size = pool.getMaximumPoolSize();
        CyclicBarrier allHeld = new CyclicBarrier(size);
        String read = "select distinct condominium_id from resident where condominium_id in (:a, :b) order by 1";
        Callable<List<Long>> unit = () -> {
            Supplier<List<Long>> work = () -> {
                if (transaction) {
                    return tx.execute(s -> {
                        List<Long> ids = jdbc.sql(read)
                                .param("a", a.value())
                                .param("b", b.value())
                                .query(Long.class)
                                .list();
                        await(allHeld);
                        return ids;
                    });
                }
                try (Connection c = pool.getConnection()) {
                    List<Long> ids = JdbcClient.create(new SingleConnectionDataSource(c, true))
                            .sql(read)
                            .param("a", a.value())
                            .param("b", b.value())
                            .query(Long.class)
                            .list();
                    await(allHeld);
                    return ids;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            CondominiumId condominium = scope.get();
            return condominium == null ? work.get() : Tenancy.within(condominium, work);
        };
        List<Future<List<Long>>> running = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            running.add(UNSCOPED.submit(unit));
        }
        List<List<Long>> seen = new ArrayList<>();
        for (Future<List<Long>> f : running) {
            try {
                seen.add(f.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return seen;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the pool's connections were not all held at once", e);
        }
    }

    private List<String> subjectTables() {
        return jdbc.sql("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                        where c.relrowsecurity and c.relkind in ('r', 'p') order by 1
                        """).query(String.class).list();
    }

    private Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : tables) {
            counts.put(
                    t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return counts;
    }

    /** Runs on a thread that has no condominium scope (this test's own thread sees every condominium). */
    private static <T> T unscoped(Supplier<T> work) {
        try {
            return UNSCOPED.submit(work::get).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
