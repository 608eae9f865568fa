package dev.vigil.shield.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Set;

/**
 * EdDSA (Ed25519, Ed448) JWS verification on the JDK's own provider. Nimbus's {@code Ed25519Verifier} needs Google
 * Tink, which the Shield does not ship; the JDK has verified EdDSA natively since Java 15.
 */
final class EdDsaVerifier implements JWSVerifier {

    // DER SubjectPublicKeyInfo headers (RFC 8410) that precede the raw public key bytes.
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED448_PREFIX = HexFormat.of().parseHex("3043300506032b6571033a00");

    private final String jcaName;
    private final JWSAlgorithm curveAlgorithm;
    private final PublicKey key;
    private final int signatureLength;
    private final JCAContext jcaContext = new JCAContext();

    private EdDsaVerifier(String jcaName, JWSAlgorithm curveAlgorithm, PublicKey key, int signatureLength) {
        this.jcaName = jcaName;
        this.curveAlgorithm = curveAlgorithm;
        this.key = key;
        this.signatureLength = signatureLength;
    }

    /** A verifier for an Ed25519 or Ed448 public JWK, or {@code null} for any other curve. */
    static EdDsaVerifier of(OctetKeyPair jwk) throws JOSEException {
        byte[] x = jwk.getDecodedX();
        if (Curve.Ed25519.equals(jwk.getCurve()) && x.length == 32) {
            return new EdDsaVerifier("Ed25519", JWSAlgorithm.Ed25519, publicKey("Ed25519", ED25519_PREFIX, x), 64);
        }
        if (Curve.Ed448.equals(jwk.getCurve()) && x.length == 57) {
            return new EdDsaVerifier("Ed448", JWSAlgorithm.Ed448, publicKey("Ed448", ED448_PREFIX, x), 114);
        }
        return null;
    }

    /** The algorithms this key verifies: the generic {@code EdDSA} and its curve's fully-specified name. */
    Set<JWSAlgorithm> algorithms() {
        return Set.of(JWSAlgorithm.EdDSA, curveAlgorithm);
    }

    private static PublicKey publicKey(String jcaName, byte[] prefix, byte[] x) throws JOSEException {
        byte[] spki = new byte[prefix.length + x.length];
        System.arraycopy(prefix, 0, spki, 0, prefix.length);
        System.arraycopy(x, 0, spki, prefix.length, x.length);
        try {
            return KeyFactory.getInstance(jcaName).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("invalid " + jcaName + " public key", e);
        }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.EdDSA.equals(alg) && !curveAlgorithm.equals(alg)) {
            return false;
        }
        // Like Nimbus's own verifiers, refuse any critical header extension we do not understand.
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        byte[] sig = signature.decode();
        if (sig.length != signatureLength) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return algorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
