package br.com.vetric.identity.web;

import br.com.vetric.identity.Invitation;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An invitation's link on this origin, as the administrator reached it (behind a trusted proxy: its public name). */
final class InvitationLinks {

    private InvitationLinks() {}

    static String url(Invitation invitation) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(invitation.path())
                .build()
                .toUriString();
    }
}
