package br.com.vetric.demo;

import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.SimulatorConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only without {@code VETRIC_CPMS_URL}: the simulator never runs beside a real CVE-PRO account. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vetric.cpms.url:}'.isBlank()")
class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

    @Bean(destroyMethod = "close")
    CveProSimulator cveProSimulator(DemoProperties props, Clock clock) {
        // the living demo's account reports the Residencial's chargers and the Edifício Jardins's (one account, two
        // condominiums); the quiet world of the tests keeps the one fleet
        SimulatorConfig config = props.live()
                ? SimulatorConfig.demo()
                        .withCondominium(
                                DemoCondominium.load().withChargersOf(DemoCondominium.load(DemoCondominium.JARDINS)))
                        .withAutoRun(true, props.speed())
                : SimulatorConfig.quiet(clock.instant());
        CveProSimulator simulator = CveProSimulator.start(config.withPort(props.simulatorPort()));
        log.info("Demo mode: no VETRIC_CPMS_URL, so the built-in CVE-PRO simulator runs at {}", simulator.baseUrl());
        return simulator;
    }

    /** The living demo's second account: the Residencial Rio Negro's, in Manaus. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "vetric.demo.live", havingValue = "true", matchIfMissing = true)
    DemoPortfolio.RioNegroAccount rioNegroAccount(DemoProperties props) {
        CveProSimulator simulator = CveProSimulator.start(SimulatorConfig.demo()
                .withCondominium(DemoCondominium.load(DemoCondominium.RIO_NEGRO))
                .withCredentials(DemoPortfolio.RIO_NEGRO_API_KEY, DemoPortfolio.RIO_NEGRO_EMAIL, "rionegro-demo")
                .withRandomSeed(7L)
                .withAutoRun(true, props.speed())
                .withPort(0));
        log.info("Demo: the Residencial Rio Negro's simulated CVE-PRO account runs at {}", simulator.baseUrl());
        return new DemoPortfolio.RioNegroAccount(simulator);
    }

    /** The simulator's account: registered at start as the connection serving the primary condominium. */
    @Bean
    CveProConnection simulatorAccount(CveProSimulator simulator) {
        SimulatorConfig c = simulator.config();
        return new CveProConnection(simulator.baseUrl(), c.apiKey(), c.email(), c.password());
    }
}
