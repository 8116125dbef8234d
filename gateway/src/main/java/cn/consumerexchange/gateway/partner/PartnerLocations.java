package cn.consumerexchange.gateway.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * The places partner descriptors and declarative formats are read from: the built-in seeds, then any onboarding
 * directory configured with {@code exchange.partner-locations}. A partner joins by adding a location, without a
 * rebuild of the gateway.
 */
@Component
public class PartnerLocations implements FormatSource {

    static final String DESCRIPTORS = "partners/partners.json";
    /** The built-in formats stay available whatever locations are configured. */
    static final String BUILT_IN = "classpath:seeds/";

    private final List<String> roots;
    private final ResourceLoader resources;

    public PartnerLocations(ExchangeProperties properties, ResourceLoader resources) {
        this.roots = properties.partnerLocations().stream().map(root -> root.endsWith("/") ? root : root + "/")
                .toList();
        this.resources = resources;
    }

    /** The partner descriptor files of every location, in order. */
    List<Resource> descriptors() {
        List<Resource> found = new ArrayList<>();
        for (String root : roots) {
            Resource descriptor = resources.getResource(root + DESCRIPTORS);
            if (descriptor.exists()) {
                found.add(descriptor);
            }
        }
        return found;
    }

    /**
     * A format file from the last location that has it, so an onboarding location may override a built-in; the
     * built-in formats come last.
     */
    @Override
    public Optional<byte[]> read(String path) {
        List<String> searched = new ArrayList<>(roots);
        Collections.reverse(searched);
        searched.add(BUILT_IN);
        for (String root : searched) {
            Resource file = resources.getResource(root + path);
            if (file.exists()) {
                try (InputStream in = file.getInputStream()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + root + path, e);
                }
            }
        }
        return Optional.empty();
    }
}
