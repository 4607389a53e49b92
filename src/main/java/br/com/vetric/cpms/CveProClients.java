package br.com.vetric.cpms;

import br.com.vetric.cpms.internal.CveProHttpClient;
import java.time.Clock;

/** Builds the HTTP client for a CVE-PRO account (the real one, or the simulator in the demo). */
public final class CveProClients {

    private CveProClients() {}

    public static CpmsClient create(CveProConnection connection, CpmsProperties settings, Clock clock) {
        return new CveProHttpClient(connection, settings, clock);
    }
}
