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
        int before = stream.connections();
        stream.open(condo, Locale.of("pt", "BR"), stays);
        stream.open(condo, Locale.of("pt", "BR"), goes);
        assertThat(stream.connections()).isEqualTo(before + 2);

        users.setActive(goes, false);
        stream.broadcast(condo);

        assertThat(stream.connections()).isEqualTo(before + 1);
    }
}
