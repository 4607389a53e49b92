package br.com.vetric.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches every table of the application's schema for a text, as someone reading a database dump would. */
public final class DatabaseDump {

    private DatabaseDump() {}

    /** The tables (of schema public) with at least one row whose text form contains {@code needle}. */
    public static List<String> tablesContaining(JdbcClient jdbc, String needle) {
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename")
                .query(String.class)
                .list();
        return tables.stream()
                .filter(t -> jdbc.sql("select exists (select 1 from \"" + t.replace("\"", "\"\"")
                                + "\" x where strpos(x::text, :needle) > 0)")
                        .param("needle", needle)
                        .query(Boolean.class)
                        .single())
                .toList();
    }
}
