package cn.consumerexchange.gateway.recognition;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The certificate a partner registered for its signatures, and the revocation list it gave for it, if any. */
record PartnerCertificate(X509Certificate certificate, Optional<X509CRL> crl) {
}
