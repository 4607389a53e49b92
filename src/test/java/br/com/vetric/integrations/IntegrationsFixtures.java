package br.com.vetric.integrations;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.support.HttpFrom;
import com.jayway.jsonpath.JsonPath;

/** What the integrations tests arrange the same way. */
final class IntegrationsFixtures {

    private IntegrationsFixtures() {}

    /** The test ADMIN's {@code Authorization} header value. */
    static String admin(HttpFrom http) {
        return "Bearer "
                + JsonPath.read(
                        http.apiLogin("admin@vetric.test", "admin-test-password")
                                .body(),
                        "$.token");
    }

    /** A new condominium on the plan with API access. */
    static Condominium enterprise(Condominiums condominiums, String name) {
        return condominiums.create(new CondominiumCommand(name, null, null, null, null, null, "enterprise", true));
    }
}
