package br.com.vetric.cpms;

import br.com.vetric.cpms.internal.CveProHttpClient;
import java.net.http.HttpClient;
import java.time.Clock;

/** Builds the HTTP client for a CVE-PRO account (the real one, or the simulator in the demo). */
public final class CveProClients {

    private CveProClients() {}

    public static CpmsClient create(CveProConnection connection, CpmsProperties settings, Clock clock) {
        return new CveProHttpClient(connection, settings, clock);
    }

    /**
     * One account's client over an HTTP client shared by many accounts ({@link #sharedHttp}): its own token, retries
     * and circuit breaker, one selector thread for all.
     */
    public static CpmsClient create(
            CveProConnection connection, CpmsProperties settings, Clock clock, HttpClient http) {
        return new CveProHttpClient(connection, settings, clock, http);
    }

    /** An HTTP client for {@link #create(CveProConnection, CpmsProperties, Clock, HttpClient)}. */
    public static HttpClient sharedHttp(CpmsProperties settings) {
        return CveProHttpClient.httpClient(settings);
    }
}
