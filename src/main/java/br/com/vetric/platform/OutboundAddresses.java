package br.com.vetric.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts VETRIC may call with a secret (gateway URLs typed by an administrator). Loopback and private
 * addresses are allowed (a self-hosted Evolution API often runs beside VETRIC); link-local addresses (which
 * include the cloud metadata service 169.254.169.254), the other cloud metadata addresses, multicast and
 * unspecified ones are not. Checked when a URL is saved and again before each connection, since DNS may change.
 */
public final class OutboundAddresses {

    /** What a host name (or literal address) resolves to, as far as calling it is concerned. */
    public enum Verdict {
        ALLOWED,
        /** It is, or resolves to, a forbidden address. */
        FORBIDDEN,
        /** It does not resolve now. */
        UNRESOLVED
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");
    private static final byte[] AWS_METADATA_V6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54
    };
    private static final byte[] ALIBABA_METADATA = {100, 100, 100, (byte) 200};
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private OutboundAddresses() {}

    /** The verdict for the host of a URL ({@code java.net.URI#getHost()}: IPv6 literals may keep their brackets). */
    public static Verdict check(String host) {
        return check(host, false);
    }

    /**
     * As {@link #check(String)}, and when {@code publicOnly} also refusing loopback, private (10/8, 172.16/12,
     * 192.168/16, fc00::/7), shared (100.64/10) and site-local addresses: for URLs typed by a condominium's managers
     * (webhooks), which must reach the internet and nothing beside VETRIC.
     */
    public static Verdict check(String host, boolean publicOnly) {
        if (host == null || host.isBlank()) {
            return Verdict.UNRESOLVED;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (METADATA_NAMES.contains(h)) {
            return Verdict.FORBIDDEN;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException | SecurityException e) {
            return Verdict.UNRESOLVED;
        }
        return Arrays.stream(addresses).anyMatch(a -> forbidden(a) || publicOnly && notPublic(a))
                ? Verdict.FORBIDDEN
                : Verdict.ALLOWED;
    }

    static boolean notPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10
                    || first == 127
                    || first == 172 && second >= 16 && second <= 31
                    || first == 192 && second == 168
                    || first == 100 && second >= 64 && second <= 127;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        byte[] prefix = Arrays.copyOf(b, 12);
        boolean mapped =
                Arrays.equals(Arrays.copyOf(b, 10), new byte[10]) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (mapped || Arrays.equals(prefix, NAT64_PREFIX)) {
            try {
                return notPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    static boolean forbidden(InetAddress a) {
        if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return b[0] == 0 // 0.0.0.0/8, "this network": connecting to it reaches the local host
                    || Arrays.equals(b, ALIBABA_METADATA)
                    || (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255;
        }
        if (a instanceof Inet6Address) {
            if (Arrays.equals(b, AWS_METADATA_V6)) {
                return true;
            }
            // an IPv4 address inside an IPv6 one (::a.b.c.d, or NAT64 64:ff9b::a.b.c.d) is judged as that address
            byte[] prefix = Arrays.copyOf(b, 12);
            if (Arrays.equals(prefix, new byte[12]) && !a.isLoopbackAddress() || Arrays.equals(prefix, NAT64_PREFIX)) {
                try {
                    return forbidden(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
