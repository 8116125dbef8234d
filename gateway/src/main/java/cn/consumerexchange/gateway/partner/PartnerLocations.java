package cn.consumerexchange.gateway.partner;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
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
    private final ResourcePatternResolver patterns;

    public PartnerLocations(ExchangeProperties properties, ResourceLoader resources) {
        this.roots = properties.partnerLocations().stream().map(root -> root.endsWith("/") ? root : root + "/")
                .toList();
        this.resources = resources;
        this.patterns = ResourcePatternUtils.getResourcePatternResolver(resources);
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

    /**
     * Every file matching {@code pattern} (e.g. {@code calendars/*.csv}) in the built-in seeds and every location, one
     * per file name: as with formats, a later location's file replaces an earlier one of the same name, and the
     * built-in files stay available whatever locations are configured.
     */
    public Collection<Resource> everyFile(String pattern) {
        List<String> searched = new ArrayList<>();
        searched.add(BUILT_IN);
        roots.stream().filter(root -> !root.equals(BUILT_IN)).forEach(searched::add);
        Map<String, Resource> byName = new LinkedHashMap<>();
        for (String root : searched) {
            try {
                for (Resource file : patterns.getResources(root + pattern)) {
                    if (file.exists() && file.getFilename() != null) {
                        byName.put(file.getFilename(), file);
                    }
                }
            } catch (FileNotFoundException noSuchFolder) {
                // A location need not have the folder: onboarding locations often hold partners and formats only.
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + root + pattern, e);
            }
        }
        return List.copyOf(byName.values());
    }
}
