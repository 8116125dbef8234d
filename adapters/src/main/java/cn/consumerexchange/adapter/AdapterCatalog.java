package cn.consumerexchange.adapter;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every adapter on the class path, by the format it speaks. */
public final class AdapterCatalog {

    private final Map<String, PartnerAdapter> byFormat;

    public AdapterCatalog(Collection<PartnerAdapter> adapters) {
        this.byFormat = adapters.stream().collect(Collectors.toUnmodifiableMap(PartnerAdapter::format,
                Function.identity()));
    }

    /** The adapters registered with {@link ServiceLoader}. */
    public static AdapterCatalog discover() {
        return new AdapterCatalog(ServiceLoader.load(PartnerAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** @throws IllegalArgumentException when no adapter speaks the format */
    public PartnerAdapter forFormat(String format) {
        PartnerAdapter adapter = byFormat.get(format);
        if (adapter == null) {
            throw new IllegalArgumentException("No adapter for format " + format + "; known: " + byFormat.keySet());
        }
        return adapter;
    }
}
