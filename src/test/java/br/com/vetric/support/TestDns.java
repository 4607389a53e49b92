package br.com.vetric.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A name resolver for the test JVM (registered in {@code META-INF/services}): names under {@code .vetric.test} that a
 * test {@linkplain #point points} somewhere resolve there, as if a DNS server answered; every other name goes to the
 * JDK's own resolver. Lets a test make a host name resolve to a link-local address, or change its address between
 * two requests, without touching /etc/hosts. Java's address cache is bypassed because this resolver is consulted
 * only after it; tests therefore use a fresh name for every change.
 */
public final class TestDns extends InetAddressResolverProvider {

    private static final Map<String, InetAddress> NAMES = new ConcurrentHashMap<>();

    /** From now on {@code name} (ending in .vetric.test) resolves to {@code address}. */
    public static void point(String name, String address) {
        if (!name.endsWith(".vetric.test")) {
            throw new IllegalArgumentException("test names end in .vetric.test");
        }
        try {
            NAMES.put(name.toLowerCase(Locale.ROOT), InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                String name = host.toLowerCase(Locale.ROOT);
                if (name.endsWith(".vetric.test")) {
                    InetAddress a = NAMES.get(name);
                    if (a == null) {
                        throw new UnknownHostException(host);
                    }
                    return Stream.of(InetAddress.getByAddress(host, a.getAddress()));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "vetric-test-dns";
    }
}
