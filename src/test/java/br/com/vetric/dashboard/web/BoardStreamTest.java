package br.com.vetric.dashboard.web;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.support.WebTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class BoardStreamTest {

    @Autowired
    BoardStream stream;
    @Autowired
    Users users;
    @Autowired
    Condominiums condominiums;

    @Test
    void anOpenBoardStreamOfADeactivatedUserIsClosedAtTheNextPush() {
        CondominiumId condo = condominiums.primary().id();
        long stays = users.create("fica-" + System.nanoTime() + "@vetric.test", "Fica", Role.CLIENTE, condo.value(),
                "stays-password-1").id();
        long goes = users.create("sai-" + System.nanoTime() + "@vetric.test", "Sai", Role.CLIENTE, condo.value(),
                "goes-password-1").id();
        stream.open(condo, Locale.of("pt", "BR"), stays);
        stream.open(condo, Locale.of("pt", "BR"), goes);
        assertThat(stream.connectionsOf(stays)).isEqualTo(1);
        assertThat(stream.connectionsOf(goes)).isEqualTo(1);

        users.setActive(goes, false);
        stream.broadcast(condo);

        // other tests' browsers may open or close streams meanwhile: count only these two users'
        assertThat(stream.connectionsOf(stays)).isEqualTo(1);
        assertThat(stream.connectionsOf(goes)).isZero();
    }
}
