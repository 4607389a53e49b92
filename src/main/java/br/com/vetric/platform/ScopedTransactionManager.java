package br.com.vetric.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction begins by giving the database the thread's {@link Tenancy} scope as transaction-local settings
 * ({@code set_config(..., true)}): the row-level security policies read them, and PostgreSQL forgets them at commit
 * or rollback, so a pooled connection never carries one unit of work's scope into the next. No scope = the settings
 * are emptied = no condominium's rows.
 */
class ScopedTransactionManager extends JdbcTransactionManager {

    ScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        ConnectionPool.beginning(() -> super.doBegin(transaction, definition));
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Tenancy.Scope scope = Tenancy.Scope.orNone(Tenancy.current());
        if (!ConnectionPool.holds(con, scope)) { // else the connection's session settings are this scope already
            apply(con, scope, true);
        }
    }

    /** One statement: both settings, transaction-local ({@code local}) or for the session. */
    static void apply(Connection con, Tenancy.Scope scope, boolean local) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("select set_config('" + Tenancy.ALL_SETTING + "', ?, " + local
                + "), set_config('" + Tenancy.CONDOMINIUMS_SETTING + "', ?, " + local + ")")) {
            ps.setString(1, scope.allSetting());
            ps.setString(2, scope.condominiumsSetting());
            ps.execute();
        }
    }
}
