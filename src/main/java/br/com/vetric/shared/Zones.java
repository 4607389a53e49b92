package br.com.vetric.shared;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** The condominiums VETRIC serves today are all in Brazil's official zone. */
public final class Zones {

    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private Zones() {}

    /** An instant as São Paulo wall time with its offset, e.g. 2026-01-12T19:29:33-03:00 (null stays null). */
    public static java.time.@Nullable OffsetDateTime local(java.time.@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(SAO_PAULO).toOffsetDateTime();
    }
}
