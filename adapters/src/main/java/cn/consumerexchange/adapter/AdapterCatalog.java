package cn.consumerexchange.adapter;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.consumerexchange.adapter.xslt.XsltFormatLoader;

/**
 * Every adapter the gateway can use, by the format it speaks: the Java adapters on the class path, and declarative
 * formats ({@code formats/<format>/}) read from a {@link FormatSource} the first time a format is asked for. A Java
 * adapter wins over a declarative format of the same name. Thread-safe.
 */
public final class AdapterCatalog {

    /** A format name is also a directory name: nothing that could leave {@code formats/}. */
    private static final Pattern FORMAT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Map<String, PartnerAdapter> javaAdapters;
    private final FormatSource formats;
    private final ConcurrentMap<String, PartnerAdapter> declarative = new ConcurrentHashMap<>();

    public AdapterCatalog(Collection<PartnerAdapter> adapters) {
        this(adapters, path -> Optional.empty());
    }

    private AdapterCatalog(Collection<PartnerAdapter> adapters, FormatSource formats) {
        this.javaAdapters = adapters.stream().collect(Collectors.toUnmodifiableMap(PartnerAdapter::format,
                Function.identity()));
        this.formats = formats;
    }

    /** The adapters registered with {@link ServiceLoader}. */
    public static AdapterCatalog discover() {
        return new AdapterCatalog(serviceLoaded());
    }

    /** The adapters registered with {@link ServiceLoader}, then the declarative formats that {@code formats} holds. */
    public static AdapterCatalog discover(FormatSource formats) {
        return new AdapterCatalog(serviceLoaded(), formats);
    }

    /**
     * @throws IllegalArgumentException when no adapter speaks the format
     * @throws MappingException         when the format is declarative and one of its files is broken; it is tried
     *                                  again on the next call, so a fixed file is picked up
     */
    public PartnerAdapter forFormat(String format) {
        PartnerAdapter adapter = format == null ? null : javaAdapters.get(format);
        if (adapter == null && format != null && FORMAT_NAME.matcher(format).matches()) {
            // Loaded under the map's lock for this key: compiled once, however many threads ask at once.
            adapter = declarative.computeIfAbsent(format,
                    name -> XsltFormatLoader.load(name, formats).orElse(null));
        }
        if (adapter == null) {
            throw new IllegalArgumentException("No adapter for format " + format + ": neither a Java adapter "
                    + javaAdapters.keySet() + " nor formats/" + format + "/format.json");
        }
        return adapter;
    }

    private static Collection<PartnerAdapter> serviceLoaded() {
        return ServiceLoader.load(PartnerAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
