package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.Randomized;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "192.168.1.0/24, 192.168.1.77, true",
        "192.168.1.0/24, 192.168.2.1, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "1.2.3.4, 1.2.3.4, true",
        "1.2.3.4/32, 1.2.3.5, false",
        "10.0.0.0/8, 010.0.0.1, false",
        "10.0.0.0/8, 10.0.0, false",
        "10.0.0.0/8, 10.0.0.1.2, false",
        "10.0.0.0/8, 10.0.0.256, false",
        "10.0.0.0/8, ' 10.0.0.1', false",
        "10.0.0.0/8, ::ffff:10.0.0.1, false",
        "2001:db8::/32, 2001:db8::1, true",
        "2001:db8::/32, 2001:DB8:ffff::, true",
        "2001:db8::/32, 2001:db9::1, false",
        "::/0, ::1, true",
        "::/0, 1.2.3.4, false",
        "::1/128, ::1, true",
        "::1/128, ::2, false",
        "fe80::/10, fe80::1:2:3:4, true",
        "fe80::/10, fec0::1, false",
        "::ffff:0:0/96, ::ffff:10.0.0.1, true",
        "2001:db8::/64, 2001:db8:0:0:1:2:3:4, true",
        "2001:db8::/64, 2001:db8:0:1::, false",
        "2001:db8::/127, 2001:db8::1, true",
        "2001:db8::/127, 2001:db8::2, false",
        "2001:db8::/32, 2001:db8::1::2, false",
        "2001:db8::/32, 2001:db8:1:2:3:4:5:6:7, false",
        "2001:db8::/32, 2001:db8:, false",
        "2001:db8::/32, 2001:db8::12345, false",
        "2001:db8::/32, 2001:db8::1%eth0, false",
    })
    void membership(String network, String address, boolean expected) {
        assertThat(Cidr.parse(network).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/8",
                "10.0.0.0/",
                "10.0.0.0/x",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/8/8",
                "10.0.0.1/8",
                "256.0.0.0/8",
                "10.0.0/8",
                "::/129",
                "2001:db8::1/32",
                ":::/0",
                "1:2:3:4:5:6:7:8:9/128",
                "g::/16",
                "01.0.0.0/8",
                "10.0.0.0/0008"
            })
    void invalid_networks_are_rejected(String network) {
        assertThatThrownBy(() -> Cidr.parse(network))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("cidr");
    }

    record V4Case(int a, int b, int prefix, int address) {}

    @Test
    void v4_membership_agrees_with_inet_address() {
        Randomized.check(
                300,
                r -> new V4Case(
                        Randomized.between(r, 0, 255),
                        Randomized.between(r, 0, 255),
                        Randomized.between(r, 0, 32),
                        r.nextInt()),
                in -> v4Membership(in.a(), in.b(), in.prefix(), in.address()));
    }

    private static void v4Membership(int a, int b, int prefix, int address) throws Exception {
        long net = ((long) a << 24 | (long) b << 16) & (prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix));
        String network = dotted(net) + "/" + prefix;
        long addr = address & 0xFFFFFFFFL;
        boolean expected = prefix == 0 || (addr >>> (32 - prefix)) == (net >>> (32 - prefix));
        String text = InetAddress.getByAddress(
                        new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr})
                .getHostAddress();
        assertThat(Cidr.parse(network).contains(text))
                .as("%s in %s", text, network)
                .isEqualTo(expected);
        assertThat(Cidr.parse(network).contains(dotted(net))).isTrue();
    }

    private static String dotted(long v) {
        return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    /**
     * Arrays of 0 to 20 bytes, cut or zero-padded to 16; half the bytes are zero so that runs of zero groups (and
     * so {@code ::}) show up anywhere in the address. Shown in hex on failure.
     */
    record V6Case(byte[] raw) {
        @Override
        public String toString() {
            return HexFormat.of().formatHex(raw);
        }
    }

    @Test
    void v6_parsing_agrees_with_inet_address() {
        Randomized.check(
                300,
                r -> {
                    byte[] raw = new byte[Randomized.between(r, 0, 20)];
                    for (int i = 0; i < raw.length; i++) {
                        raw[i] = r.nextBoolean() ? 0 : (byte) r.nextInt(256);
                    }
                    return new V6Case(raw);
                },
                in -> v6Parsing(in.raw()));
    }

    private static void v6Parsing(byte[] raw) throws Exception {
        byte[] bytes = java.util.Arrays.copyOf(raw, 16);
        String text = InetAddress.getByAddress(bytes).getHostAddress();
        if (text.indexOf(':') < 0) {
            return;
        }
        long[] parsed = new long[2];
        assertThat(Cidr.parseV6(text, parsed)).as(text).isTrue();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        assertThat(parsed).containsExactly(buf.getLong(), buf.getLong());
    }
}
