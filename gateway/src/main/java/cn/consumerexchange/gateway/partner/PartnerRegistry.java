package cn.consumerexchange.gateway.partner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The partners of the exchange (交换伙伴名录), loaded at start from every partner location. In sandbox mode every
 * partner is played on the gateway's own queues, see {@link Partner#inSandbox()}.
 */
@Component
public class PartnerRegistry {

    private final Map<String, Partner> byCode = new LinkedHashMap<>();
    private final Set<String> authorities = new HashSet<>();

    public PartnerRegistry(PartnerLocations locations, ExchangeProperties properties, Environment environment,
            ObjectMapper json) throws IOException {
        boolean sandbox = properties.sandbox().enabled();
        for (Resource descriptors : locations.descriptors()) {
            try (InputStream in = descriptors.getInputStream()) {
                // Endpoints in descriptors may name configuration, e.g. where the simulated partners listen.
                String text = environment.resolveRequiredPlaceholders(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                List<Partner> partners = json.readValue(text, new TypeReference<>() { });
                partners.stream()
                        .map(partner -> partner.withDeliveryDefaults(properties.delivery()))
                        .forEach(partner -> add(sandbox ? partner.inSandbox() : partner));
            }
        }
    }

    private void add(Partner partner) {
        if (byCode.putIfAbsent(partner.code(), partner) != null) {
            throw new IllegalStateException("Partner code " + partner.code() + " is listed twice");
        }
        if (!authorities.add(partner.authority())) {
            throw new IllegalStateException("Authority " + partner.authority() + " is listed twice");
        }
    }

    public Optional<Partner> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Partner require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("No partner " + code));
    }

    public Collection<Partner> all() {
        return byCode.values();
    }
}
