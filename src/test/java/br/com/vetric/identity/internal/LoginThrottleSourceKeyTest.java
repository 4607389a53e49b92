package br.com.vetric.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleSourceKeyTest {

    @Test
    void ipv4AddressesCountAloneAndIpv6AddressesByTheirSlash64() {
        assertThat(LoginThrottle.sourceKey("203.0.113.7")).isEqualTo("203.0.113.7");
        String a = LoginThrottle.sourceKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        String b = LoginThrottle.sourceKey("2001:0db8:0001:0002:0:0:0:1");
        assertThat(a).isEqualTo(b).endsWith("/64").startsWith("2001:db8:1:2:");
        assertThat(LoginThrottle.sourceKey("2001:db8:1:3::1")).isNotEqualTo(a);
        assertThat(LoginThrottle.sourceKey(null)).isEmpty();
    }
}
