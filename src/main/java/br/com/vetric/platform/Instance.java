package br.com.vetric.platform;

import java.util.concurrent.ThreadLocalRandom;

/** This VETRIC process among the instances that share one database: logged at start, held by its leases and locks. */
public final class Instance {

    /** Host, process id and a random part (a restarted process, or a pod with a reused name, is a new instance). */
    public static final String NAME = name();

    private Instance() {}

    private static String name() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "host";
            }
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    }
}
