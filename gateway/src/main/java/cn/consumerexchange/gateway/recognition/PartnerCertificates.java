package cn.consumerexchange.gateway.recognition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerLocations;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * The certificates partners registered for their signatures (签名), read at start from what each descriptor names in
 * {@code "certificate"} and {@code "crl"}: a path in the partner locations (the last location that has it, as for
 * formats) or a {@code classpath:} or {@code file:} location. A certificate that cannot be read stops the start, rather
 * than leaving every message of that partner unverified. A new certificate or revocation list takes a restart.
 */
@Component
public class PartnerCertificates {

    private final Map<String, PartnerCertificate> byPartner = new HashMap<>();
    private final PartnerLocations locations;
    private final ResourceLoader resources;

    public PartnerCertificates(PartnerRegistry partners, PartnerLocations locations, ResourceLoader resources) {
        this.locations = locations;
        this.resources = resources;
        for (Partner partner : partners.all()) {
            if (partner.certificate() != null) {
                byPartner.put(partner.code(), load(partner));
            }
        }
    }

    /** The partner's registered certificate, or empty when its descriptor names none. */
    public Optional<PartnerCertificate> of(String partnerCode) {
        return Optional.ofNullable(byPartner.get(partnerCode));
    }

    private PartnerCertificate load(Partner partner) {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            X509Certificate certificate = (X509Certificate) x509.generateCertificate(
                    new ByteArrayInputStream(read(partner.certificate())));
            Optional<X509CRL> crl = partner.crl() == null ? Optional.empty()
                    : Optional.of((X509CRL) x509.generateCRL(new ByteArrayInputStream(read(partner.crl()))));
            return new PartnerCertificate(certificate, crl);
        } catch (GeneralSecurityException | IOException | ClassCastException e) {
            throw new UnreadableCertificateException("Cannot read the certificate or revocation list of partner "
                    + partner.code() + " (" + partner.certificate() + ", " + partner.crl() + ")", e);
        }
    }

    private byte[] read(String location) throws IOException {
        if (location.startsWith("classpath:") || location.startsWith("file:")) {
            Resource resource = resources.getResource(location);
            try (InputStream in = resource.getInputStream()) {
                return in.readAllBytes();
            }
        }
        return locations.read(location)
                .orElseThrow(() -> new IOException("No " + location + " in any partner location"));
    }
}
