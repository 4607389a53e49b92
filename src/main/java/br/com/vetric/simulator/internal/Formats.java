package br.com.vetric.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The three time formats of CVE-PRO, plus pt-BR energy text. */
public final class Formats {
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** lastHeartbeatTimestamp and the /transaction query params: naive local. */
    public static final DateTimeFormatter NAIVE_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** transaction start/stop: dd/MM/yyyy local. */
    public static final DateTimeFormatter BR_LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** lastStatus.timeStamp: ISO UTC with millis and Z. */
    public static final DateTimeFormatter ISO_UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Formats() {}

    public static String naiveLocal(Instant i) {
        return i == null ? null : NAIVE_LOCAL.format(LocalDateTime.ofInstant(i, ZONE));
    }

    public static String brLocal(Instant i) {
        return i == null ? null : BR_LOCAL.format(LocalDateTime.ofInstant(i, ZONE));
    }

    public static String isoUtc(Instant i) {
        return i == null ? null : ISO_UTC_MILLIS.format(i);
    }

    public static LocalDateTime local(Instant i) {
        return LocalDateTime.ofInstant(i, ZONE);
    }

    /** "20,8200 kWh". */
    public static String energyHuman(long wh) {
        return String.format(Locale.forLanguageTag("pt-BR"), "%.4f kWh", wh / 1000.0);
    }

    /** "05:03:36" (hours may exceed 24). */
    public static String durationHuman(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
