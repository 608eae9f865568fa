package dev.vigil.shield.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC key with a cached, initialised {@link Mac}. {@code Mac.getInstance} and {@code init} cost provider
 * look-ups, so they run once at creation; each thread then works on its own clone of that prototype.
 */
final class HmacKey {

    private final Mac prototype;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> perThread;

    /**
     * @param jcaAlgorithm {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     * @param secret the shared secret, used as its UTF-8 bytes
     */
    HmacKey(String jcaAlgorithm, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            this.key = new SecretKeySpec(bytes, jcaAlgorithm);
            this.prototype = Mac.getInstance(jcaAlgorithm);
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm + " is not available in this JVM", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        this.perThread = new ThreadLocal<Mac>() {
            @Override
            protected Mac initialValue() {
                return freshMac();
            }
        };
    }

    /** Length of a MAC in bytes. */
    int length() {
        return prototype.getMacLength();
    }

    /** A reset {@link Mac} for the calling thread; finish it with {@code doFinal()} before the next call. */
    Mac mac() {
        Mac mac = perThread.get();
        mac.reset();
        return mac;
    }

    /** Whether {@code provided} equals the MAC of {@code body}, compared in constant time. */
    boolean matchesBody(byte[] body, byte[] provided) {
        Mac mac = mac();
        mac.update(body);
        return MessageDigest.isEqual(mac.doFinal(), provided);
    }

    private Mac freshMac() {
        try {
            synchronized (prototype) {
                return (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            try {
                Mac mac = Mac.getInstance(prototype.getAlgorithm());
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(prototype.getAlgorithm() + " is not available", impossible);
            }
        }
    }
}
