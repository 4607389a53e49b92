package br.com.vetric.residents;

import br.com.vetric.shared.CondominiumId;
import java.util.Set;

/** Tags (normalised) now belong to a resident: sessions recorded with them can be attached. */
public record ResidentTagsAssigned(CondominiumId condominiumId, long residentId, Set<String> tags) {}
