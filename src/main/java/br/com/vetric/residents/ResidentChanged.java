package br.com.vetric.residents;

import br.com.vetric.shared.CondominiumId;

/** A resident was created or changed (published in the change's transaction). */
public record ResidentChanged(CondominiumId condominiumId, Resident resident, boolean created) {}
