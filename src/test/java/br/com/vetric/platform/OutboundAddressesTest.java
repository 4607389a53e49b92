package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.platform.OutboundAddresses.Verdict;
import br.com.vetric.support.TestDns;
import org.junit.jupiter.api.Test;

/** Hosts a gateway URL may name: loopback and private yes; link-local, cloud metadata, multicast, unspecified no. */
class OutboundAddressesTest {

    @Test
    void linkLocalCloudMetadataMulticastAndUnspecifiedAddressesAreForbidden() {
        for (String host : new String[] {
            "169.254.169.254",
            "169.254.0.1",
            "[fe80::1]",
            "fe80::abcd",
            "[fd00:ec2::254]",
            "100.100.100.200",
            "metadata.google.internal",
            "METADATA.google.internal.",
            "0.0.0.0",
            "0.1.2.3",
            "[::]",
            "224.0.0.251",
            "[ff02::1]",
            "255.255.255.255",
            "[::ffff:169.254.169.254]",
            "[::169.254.169.254]",
            "[64:ff9b::a9fe:a9fe]"
        }) {
            assertThat(OutboundAddresses.check(host)).as(host).isEqualTo(Verdict.FORBIDDEN);
        }
    }

    @Test
    void loopbackAndPrivateAddressesAreAllowed() {
        for (String host : new String[] {
            "127.0.0.1",
            "localhost",
            "[::1]",
            "10.0.0.7",
            "172.16.5.4",
            "192.168.1.20",
            "[fd12:3456::1]",
            "100.64.0.1",
            "8.8.8.8",
            "[2001:db8::1]"
        }) {
            assertThat(OutboundAddresses.check(host)).as(host).isEqualTo(Verdict.ALLOWED);
        }
    }

    @Test
    void aNameIsJudgedByWhatItResolvesTo() {
        TestDns.point("imds-alias.vetric.test", "169.254.169.254");
        TestDns.point("aws-v6-alias.vetric.test", "fd00:ec2::254");
        TestDns.point("evolution-lan.vetric.test", "192.168.0.50");
        assertThat(OutboundAddresses.check("imds-alias.vetric.test")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(OutboundAddresses.check("aws-v6-alias.vetric.test")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(OutboundAddresses.check("evolution-lan.vetric.test")).isEqualTo(Verdict.ALLOWED);
        assertThat(OutboundAddresses.check("nowhere.vetric.test")).isEqualTo(Verdict.UNRESOLVED);
        assertThat(OutboundAddresses.check(null)).isEqualTo(Verdict.UNRESOLVED);
    }
}
