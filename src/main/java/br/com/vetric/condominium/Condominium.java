package br.com.vetric.condominium;

import br.com.vetric.shared.CondominiumId;
import java.time.ZoneId;

public record Condominium(CondominiumId id, String name, ZoneId zone) {}
