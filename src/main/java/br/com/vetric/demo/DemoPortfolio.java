package br.com.vetric.demo;

import br.com.vetric.condominium.Condominium;
import br.com.vetric.condominium.CondominiumCommand;
import br.com.vetric.condominium.Condominiums;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.identity.UserCommand;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.Resident;
import br.com.vetric.sync.ConnectionCommand;
import br.com.vetric.sync.Connections;
import br.com.vetric.sync.CpmsConnectionView;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The living demo's portfolio: beside the Residencial (the primary condominium), the Edifício Jardins, whose chargers
 * the same simulated CVE-PRO account reports (one account, two condominiums; its residents carry the Residencial's
 * card numbers, so one card is two residents in two buildings), and the Residencial Rio Negro in Manaus with an
 * account of its own; a professional síndica manages the last two. Created once, before the first poll (so the
 * Jardins's chargers go to it, not to the account's default), and never overwritten. The previous month's statements
 * come from the catch-up after each condominium's first poll.
 */
@Component
@ConditionalOnExpression("'${vetric.cpms.url:}'.isBlank() and '${vetric.demo.live:true}' == 'true'")
class DemoPortfolio {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

    static final String JARDINS = "Edifício Jardins";
    static final String RIO_NEGRO = "Residencial Rio Negro";
    static final String RIO_NEGRO_API_KEY = "vetric-rionegro-api-key";
    static final String RIO_NEGRO_EMAIL = "rionegro@vetric.com.br";
    static final String RIO_NEGRO_PASSWORD = "rionegro-demo";
    public static final String PROFESSIONAL_EMAIL = "sindica.profissional@vetric.local";
    public static final String PROFESSIONAL_PASSWORD = "sindica-demo";

    /** The Residencial Rio Negro's simulated account, stopped with the application. */
    record RioNegroAccount(CveProSimulator simulator) implements AutoCloseable {
        @Override
        public void close() {
            simulator.close();
        }
    }

    private final Condominiums condominiums;
    private final Residents residents;
    private final Tariffs tariffs;
    private final Users users;
    private final Connections connections;
    private final CveProConnection sharedAccount;
    private final RioNegroAccount rioNegroAccount;
    private final DemoProperties props;

    DemoPortfolio(
            Condominiums condominiums,
            Residents residents,
            Tariffs tariffs,
            Users users,
            Connections connections,
            CveProConnection sharedAccount,
            RioNegroAccount rioNegroAccount,
            DemoProperties props) {
        this.condominiums = condominiums;
        this.residents = residents;
        this.tariffs = tariffs;
        this.users = users;
        this.connections = connections;
        this.sharedAccount = sharedAccount;
        this.rioNegroAccount = rioNegroAccount;
        this.props = props;
    }

    /** Before the poller's own start listener (which registers the shared account too, idempotently). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ready() {
        if (props.seedData()) {
            Tenancy.acrossAll("the demo's three condominiums", this::seed);
        }
    }

    private void seed() {
        CondominiumId primary = condominiums.primary().id();
        DemoCondominium jardinsWorld = DemoCondominium.load(DemoCondominium.JARDINS);
        DemoCondominium rioNegroWorld = DemoCondominium.load(DemoCondominium.RIO_NEGRO);
        CondominiumId jardins = ensure(JARDINS, "America/Sao_Paulo", jardinsWorld);
        CondominiumId rioNegro = ensure(RIO_NEGRO, "America/Manaus", rioNegroWorld);

        connections.registerEnvironmentAccount(sharedAccount, primary);
        long shared = connections.list().stream()
                .filter(CpmsConnectionView::fromEnvironment)
                .findFirst()
                .orElseThrow()
                .id();
        connections.expect(
                shared,
                jardinsWorld.chargers().stream().map(ChargerSpec::uuid).toList(),
                jardinsWorld.chargers().stream().map(ChargerSpec::description).toList(),
                jardins);

        String url = rioNegroAccount.simulator().baseUrl();
        Optional<CpmsConnectionView> own = connections.list().stream()
                .filter(c -> c.email().equalsIgnoreCase(RIO_NEGRO_EMAIL))
                .findFirst();
        if (own.isEmpty()) {
            connections.create(
                    new ConnectionCommand(url, RIO_NEGRO_API_KEY, RIO_NEGRO_EMAIL, RIO_NEGRO_PASSWORD, rioNegro));
        } else if (!own.get().url().equals(url)) { // the simulator listens on another port after a restart
            connections.update(own.get().id(), new ConnectionCommand(url, null, RIO_NEGRO_EMAIL, null, rioNegro));
        }

        if (users.list().stream().noneMatch(u -> u.email().equalsIgnoreCase(PROFESSIONAL_EMAIL))) {
            users.create(new UserCommand(
                    PROFESSIONAL_EMAIL,
                    "Síndica Profissional Demo",
                    "CLIENTE",
                    List.of(jardins.value(), rioNegro.value()),
                    true,
                    PROFESSIONAL_PASSWORD));
        }
        log.info(
                "Demo: condominiums {} (shared account) and {} (own account, America/Manaus) ready; {} manages both",
                jardins,
                rioNegro,
                PROFESSIONAL_EMAIL);
    }

    /** The condominium by name, created on the premium plan (monthly statements, WhatsApp) with its residents. */
    private CondominiumId ensure(String name, String zone, DemoCondominium world) {
        Condominium c = condominiums.all().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseGet(() -> condominiums.create(
                        new CondominiumCommand(name, null, address(world), null, null, zone, "premium", true)));
        if (!tariffs.configured(c.id())) {
            tariffs.save(c.id(), DemoSeeder.tariff(), null);
        }
        if (residents.count(c.id(), null, true) == 0) {
            for (Resident r : world.residents()) {
                residents.create(c.id(), new ResidentCommand(r.name(), r.apartment(), null, r.phone(), r.tags(), true));
            }
        }
        return c.id();
    }

    private static String address(DemoCondominium world) {
        DemoCondominium.Address a = world.address();
        return a.street() + ", " + a.houseNumber() + " – " + a.city() + "/" + a.state();
    }
}
