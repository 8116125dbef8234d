package cn.consumerexchange.gateway.recognition;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA provider that knows SM2 and SM3 (the JDK's does not), used by instance rather than installed, so the rest
 * of the gateway's cryptography stays on the JDK's providers.
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
