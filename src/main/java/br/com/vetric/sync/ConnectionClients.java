package br.com.vetric.sync;

import br.com.vetric.cpms.CpmsClient;
import br.com.vetric.cpms.CpmsProperties;
import br.com.vetric.cpms.CveProClients;
import br.com.vetric.cpms.CveProConnection;
import br.com.vetric.platform.SecretBox;
import br.com.vetric.sync.internal.ConnectionRepository.Stored;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One CVE-PRO client per connection (its own token, retries and circuit breaker), built when first polled and
 * rebuilt when the connection's settings change (its version goes up). The HTTP client underneath is shared.
 */
@Component
class ConnectionClients {

    static final String API_KEY_CONTEXT = "cpms_connection.api_key";
    static final String PASSWORD_CONTEXT = "cpms_connection.password";

    private record Built(int version, CpmsClient client) {}

    private final Map<Long, Built> clients = new ConcurrentHashMap<>();
    private final SecretBox secrets;
    private final CpmsProperties settings;
    private final Clock clock;
    private final HttpClient http;

    ConnectionClients(SecretBox secrets, CpmsProperties settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.http = CveProClients.sharedHttp(settings);
    }

    CpmsClient of(Stored c) {
        return clients.compute(
                        c.id(),
                        (id, old) ->
                                old != null && old.version() == c.version() ? old : new Built(c.version(), build(c)))
                .client();
    }

    void forget(long connectionId) {
        clients.remove(connectionId);
    }

    private CpmsClient build(Stored c) {
        CveProConnection account = new CveProConnection(
                c.url(),
                secrets.decrypt(c.apiKey(), API_KEY_CONTEXT),
                c.email(),
                secrets.decrypt(c.password(), PASSWORD_CONTEXT));
        return CveProClients.create(account, settings, clock, http);
    }
}
