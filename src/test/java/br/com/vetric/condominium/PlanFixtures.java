package br.com.vetric.condominium;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Residents written straight to the table (the plans' limits are what is tested, not the insert), and their count. */
final class PlanFixtures {

    private PlanFixtures() {}

    static void residents(JdbcClient jdbc, long condominium, int n) {
        jdbc.sql("""
                        insert into resident (condominium_id, name, apartment)
                        select :condo, 'Morador ' || i, i::text from generate_series(1, :n) i
                        """).param("condo", condominium).param("n", n).update();
    }

    static long activeResidents(JdbcClient jdbc, long condominium) {
        return jdbc.sql("select count(*) from resident where condominium_id = :c and active")
                .param("c", condominium)
                .query(Long.class)
                .single();
    }
}
