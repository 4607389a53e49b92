package br.com.vetric.platform;

import br.com.vetric.shared.CondominiumId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which condominiums' rows the database lets this thread's work see and write: the key of the row-level security
 * policies on every condominium-owned table. Each entry point says it once around its unit of work (a web request:
 * the user's condominiums, or every one for an ADMIN; a poll: the polled condominium; an event listener: the event's
 * condominium; a scheduled job that spans condominiums: {@link #acrossAll} with its reason). Work without a scope
 * sees no condominium-owned row and cannot write one.
 *
 * <p>The scope is fixed when a transaction begins (a transaction-local setting, {@code set_config(..., true)}), so
 * it changes only outside a transaction; a statement outside any transaction gets it when it takes its connection
 * from the pool. Neither can outlive the work that set it.
 */
public final class Tenancy {

    /** The settings the policies read (migration V130). */
    static final String ALL_SETTING = "vetric.scope";

    static final String CONDOMINIUMS_SETTING = "vetric.condominiums";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Tenancy() {}

    /** Runs {@code work} seeing only this condominium's rows. */
    public static <T> T within(CondominiumId condominium, Supplier<T> work) {
        return run(Scope.of(Set.of(condominium.value())), work);
    }

    public static void within(CondominiumId condominium, Runnable work) {
        within(condominium, asSupplier(work));
    }

    /** Runs {@code work} seeing only these condominiums' rows (none when the set is empty). */
    public static <T> T within(Collection<CondominiumId> condominiums, Supplier<T> work) {
        return run(
                Scope.of(condominiums.stream().map(CondominiumId::value).collect(Collectors.toUnmodifiableSet())),
                work);
    }

    public static void within(Collection<CondominiumId> condominiums, Runnable work) {
        within(condominiums, asSupplier(work));
    }

    /**
     * Runs {@code work} seeing every condominium's rows: VETRIC's staff, and the jobs that span condominiums.
     *
     * @param reason why this work may see every condominium (read by people, in stack traces and reviews)
     */
    public static <T> T acrossAll(String reason, Supplier<T> work) {
        Objects.requireNonNull(reason, "reason");
        return run(Scope.ALL, work);
    }

    public static void acrossAll(String reason, Runnable work) {
        acrossAll(reason, asSupplier(work));
    }

    /** The scope of this thread's work, null when none was set. */
    static @Nullable Scope current() {
        return CURRENT.get();
    }

    private static <T> T run(Scope scope, Supplier<T> work) {
        Scope before = CURRENT.get();
        if (!scope.equals(before) && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The condominium scope is fixed when a transaction begins: set " + scope
                    + " before the transaction, not inside it (it has " + before + ")");
        }
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    private static Supplier<@Nullable Void> asSupplier(Runnable work) {
        return () -> {
            work.run();
            return null;
        };
    }

    /**
     * The values of the two settings: {@code vetric.scope} is {@code all} for every condominium, else empty, and
     * {@code vetric.condominiums} lists the ids (comma-separated, possibly none).
     */
    record Scope(boolean all, Set<Long> condominiums) {

        static final Scope ALL = new Scope(true, Set.of());

        /** What a connection gets for work without a scope: nothing visible. */
        static final Scope NONE = new Scope(false, Set.of());

        static Scope of(Set<Long> condominiums) {
            return new Scope(false, Set.copyOf(condominiums));
        }

        static Scope orNone(@Nullable Scope scope) {
            return scope == null ? NONE : scope;
        }

        String allSetting() {
            return all ? "all" : "";
        }

        String condominiumsSetting() {
            return condominiums.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        }

        @Override
        public String toString() {
            return all ? "every condominium" : "condominiums " + condominiumsSetting();
        }
    }
}
