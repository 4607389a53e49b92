package br.com.vetric.dashboard;

import static br.com.vetric.support.WebFixtures.cliente;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.dashboard.internal.Board;
import br.com.vetric.dashboard.internal.Board.State;
import br.com.vetric.dashboard.internal.BoardService;
import br.com.vetric.identity.Users;
import br.com.vetric.residents.Resident;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.support.WebFixtures;
import br.com.vetric.support.WebTest;
import br.com.vetric.sync.SyncCycle;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #10, the board a síndico reads: counters that add up, who is plugged in until the car leaves, energy that comes
 * at the end, the same card on two chargers; and R$ where the síndico looks (sessions, Consumo).
 */
@WebTest
class SindicoBoardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Condominiums condominiums;

    @Autowired
    SyncCycle cycle;

    @Autowired
    CveProSimulator simulator;

    @Autowired
    BoardService boards;

    @Autowired
    Residents residents;

    CondominiumId sync() {
        return WebFixtures.sync(simulator, condominiums, cycle);
    }

    Board.Card card(Board board, String name) {
        return board.cards().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(cliente(users)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The HTML of one charger's card on the board page. */
    static String cardHtml(String board, String uuid) {
        int start = board.indexOf("id=\"card-" + uuid + "\"");
        assertThat(start).as("card of %s", uuid).isPositive();
        int end = board.indexOf("card-footer", start);
        return board.substring(start, end);
    }

    /** Leaves a charger free whatever the test did to it (no transaction, no car, no fault). */
    void free(String... names) {
        for (String name : names) {
            try {
                simulator.stop(name, "Local");
            } catch (IllegalStateException noTransaction) {
                // nothing running
            }
            simulator.unplug(name);
            simulator.clearFault(name);
        }
        sync();
    }

    Resident resident(int index) {
        return residents.list(condominiums.primary().id(), null, false, 0, 10).get(index);
    }

    @ParameterizedTest
    @EnumSource(ConnectorStatus.class)
    void everyStatusOnlineOrSilentFaultedOrNotFallsInExactlyOneCounter(ConnectorStatus status) {
        // a total function onto the states: each charger is counted once, so the counters add up
        for (boolean online : new boolean[] {true, false}) {
            for (boolean fault : new boolean[] {true, false}) {
                State s = State.of(status, online, fault);
                assertThat(s).isNotNull();
                if (!online) {
                    assertThat(s).isEqualTo(State.OFFLINE);
                } else if (fault) {
                    assertThat(s).isEqualTo(State.FAULTED);
                }
            }
        }
        assertThat(State.of(ConnectorStatus.AVAILABLE, true, false)).isEqualTo(State.AVAILABLE);
        assertThat(State.of(ConnectorStatus.FINISHING, true, false)).isEqualTo(State.IDLE);
        assertThat(State.of(ConnectorStatus.SUSPENDED_EV, true, false)).isEqualTo(State.IDLE);
        assertThat(State.of(ConnectorStatus.PREPARING, true, false)).isEqualTo(State.WAITING);
        assertThat(State.of(ConnectorStatus.UNAVAILABLE, true, false)).isEqualTo(State.UNAVAILABLE);
    }

    @Test
    void theCountersAddUpToTheChargersAndOneOfThemSaysHowManyAreFree() throws Exception {
        String tag = resident(0).tags().getFirst();
        try {
            WebFixtures.charge(simulator, condominiums, cycle, "Garagem 1", tag);
            simulator.fault("Garagem 2", "GroundFailure");
            simulator.setConnectorStatus("Garagem 5", 1, "Unavailable", null);
            simulator.plugIn("Garagem 6", "ZZWAITING06");
            CondominiumId condo = sync();

            Board board = boards.build(condo);
            assertThat(board.cards()).hasSize(simulator.chargers().size());
            assertThat(Arrays.stream(State.values()).mapToLong(board::count).sum())
                    .isEqualTo(board.total());
            assertThat(card(board, "Garagem 1").state()).isEqualTo(State.CHARGING);
            assertThat(card(board, "Garagem 2").state()).isEqualTo(State.FAULTED);
            assertThat(card(board, "Garagem 5").state()).isEqualTo(State.UNAVAILABLE);
            assertThat(card(board, "Garagem 6").state()).isEqualTo(State.WAITING);
            assertThat(board.count(State.AVAILABLE)).isPositive();

            // the page: every counter shown, "Disponíveis" among them, their sum is the number of cards
            String html = page("/");
            Matcher m = Pattern.compile("id=\"count-([a-z]+)\"[^>]*>(\\d+)<").matcher(html);
            long sum = 0;
            List<String> shown = new java.util.ArrayList<>();
            while (m.find()) {
                shown.add(m.group(1));
                sum += Long.parseLong(m.group(2));
            }
            assertThat(shown).contains("available", "charging", "waiting", "idle", "faulted", "unavailable", "offline");
            assertThat(sum).isEqualTo(html.split("class=\"card h-100 charger-card", -1).length - 1);
            assertThat(html).contains("Disponíveis", "Indisponíveis", "Aguardando início");
            assertThat(cardHtml(html, simulator.charger("Garagem 2").uuid()))
                    .contains("title=\"GroundFailure\">falha de aterramento</span>");
        } finally {
            simulator.setConnectorStatus("Garagem 5", 1, "Available", null);
            free("Garagem 1", "Garagem 2", "Garagem 6");
        }
    }

    @Test
    void aFullCarKeepsItsResidentApartmentAndIdleTimeUntilTheCarLeaves() throws Exception {
        Resident maria = resident(1);
        String uuid = simulator.charger("Garagem 1").uuid();
        try {
            WebFixtures.charge(
                    simulator, condominiums, cycle, "Garagem 1", maria.tags().getFirst());
            simulator.suspend("Garagem 1");
            CondominiumId condo = sync();

            Board.Card idle = card(boards.build(condo), "Garagem 1");
            assertThat(idle.state()).isEqualTo(State.IDLE);
            assertThat(idle.plugged().residentName()).isEqualTo(maria.name());
            assertThat(idle.plugged().idle()).isEqualTo(Board.Idle.FULL);
            String card = cardHtml(page("/"), uuid);
            assertThat(card)
                    .contains(maria.name(), "(" + maria.unit() + ")", "Ocioso")
                    .containsPattern("carregado há \\d+ (s|min), ainda conectado")
                    .contains("title=\"SuspendedEV\"")
                    .doesNotContain(">SuspendedEV<");

            // the session ends (stopped remotely) while the car stays plugged in: the síndico still sees whose car it
            // is
            simulator.stop("Garagem 1", "Remote");
            sync();
            Board.Card finishing = card(boards.build(condo), "Garagem 1");
            assertThat(finishing.status()).isEqualTo(ConnectorStatus.FINISHING);
            assertThat(finishing.plugged()).isNotNull();
            assertThat(finishing.plugged().open()).isFalse();
            assertThat(finishing.plugged().residentName()).isEqualTo(maria.name());
            assertThat(cardHtml(page("/"), uuid))
                    .contains(maria.name(), "(" + maria.unit() + ")")
                    .containsPattern("carregado há \\d+ (s|min), ainda conectado")
                    .contains("title=\"Finishing\">recarga encerrada, carro ainda conectado</span>");

            // the car leaves: the charger is free and nobody's
            simulator.unplug("Garagem 1");
            sync();
            Board.Card free = card(boards.build(condo), "Garagem 1");
            assertThat(free.state()).isEqualTo(State.AVAILABLE);
            assertThat(free.plugged()).isNull();
            assertThat(cardHtml(page("/"), uuid)).doesNotContain(maria.name());
        } finally {
            free("Garagem 1");
        }
    }

    @Test
    void theSameCardChargingOnTwoChargersAtOnceIsFlaggedOnBothCardsAndInTheSessionDetail() throws Exception {
        try {
            WebFixtures.charge(simulator, condominiums, cycle, "Garagem 4", "ZZCLONE45");
            WebFixtures.charge(simulator, condominiums, cycle, "Garagem 5", "zzclone45 ");
            CondominiumId condo = sync();
            Board board = boards.build(condo);
            assertThat(card(board, "Garagem 4").sharedTag()).isTrue();
            assertThat(card(board, "Garagem 5").sharedTag()).isTrue();
            assertThat(board.cards().stream().filter(Board.Card::sharedTag)).hasSize(2);

            String html = page("/");
            String warning = "mesmo cartão em dois carregadores ao mesmo tempo — cartão compartilhado ou clonado?";
            assertThat(cardHtml(html, simulator.charger("Garagem 4").uuid())).contains(warning);
            assertThat(cardHtml(html, simulator.charger("Garagem 5").uuid())).contains(warning);

            long on4 = card(board, "Garagem 4").plugged().sessionId();
            long on5 = card(board, "Garagem 5").plugged().sessionId();
            assertThat(page("/sessions/" + on4))
                    .contains("id=\"shared-tag\"", warning, "href=\"/sessions/" + on5 + "\"", "Garagem 5");
        } finally {
            free("Garagem 4", "Garagem 5");
        }
    }

    @Test
    void energyAChargerReportsOnlyAtTheEndReadsSoNeverAFalseZero() throws Exception {
        // Garagem 3 reports energy only when the transaction ends
        String uuid = simulator.charger("Garagem 3").uuid();
        try {
            WebFixtures.charge(simulator, condominiums, cycle, "Garagem 3", "ZZPENDING03");
            CondominiumId condo = sync();
            Board.Card card = card(boards.build(condo), "Garagem 3");
            assertThat(card.plugged().energyPending()).isTrue();
            assertThat(cardHtml(page("/"), uuid))
                    .contains("energia informada ao final")
                    .doesNotContain("0,00 kWh");

            String sessions = page("/sessions?charger=" + uuid);
            String row = sessions.substring(
                    sessions.indexOf("data-session=\"" + card.plugged().sessionId() + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("energia informada ao final").doesNotContain("0,00 kWh");
            assertThat(page("/sessions/" + card.plugged().sessionId()))
                    .contains("id=\"session-energy\">energia informada ao final<")
                    .contains("calculado quando o carregador informar a energia");
        } finally {
            free("Garagem 3");
        }
    }

    @Test
    void sessionsAndConsumoShowTheMoneyAndTheTariffInForce() throws Exception {
        Resident joao = resident(2);
        String uuid = simulator.charger("Garagem 2").uuid();
        try {
            WebFixtures.charge(
                    simulator, condominiums, cycle, "Garagem 2", joao.tags().getFirst());
            simulator.stop("Garagem 2", "Local");
            simulator.unplug("Garagem 2");
            sync();

            String sessions = page("/sessions?charger=" + uuid);
            Matcher cost = Pattern.compile("class=\"text-end session-cost\"[^>]*>(R\\$ [\\d.]+,\\d{2})<")
                    .matcher(sessions);
            assertThat(cost.find()).as("a session's R$ on the list").isTrue();
            String id = sessions.replaceAll("(?s).*?data-session=\"(\\d+)\".*", "$1");
            assertThat(page("/sessions/" + id))
                    .containsPattern("id=\"session-cost\">\\s*<span[^>]*>R\\$ [\\d.]+,\\d{2}<");

            String consumo = page("/consumption");
            assertThat(consumo)
                    .containsPattern("id=\"total-cost\">R\\$ [\\d.]+,\\d{2}<")
                    .contains("Valor do mês até agora", "Tarifa em vigor:")
                    .containsPattern("R\\$ [\\d.]+,\\d{2,6}/kWh")
                    .containsPattern("class=\"text-end apartment-cost\"[^>]*>R\\$ [\\d.]+,\\d{2}<");
        } finally {
            free("Garagem 2");
        }
    }
}
