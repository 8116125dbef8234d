package cn.consumerexchange.adapter.xslt;

import java.util.Optional;

import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.adapter.MappingException;

/**
 * Loads a declarative format from {@code formats/<format>/}: {@code format.json}, {@code to-contract.xsl},
 * {@code from-contract.xsl}, and the code tables under {@code codes/} as the stylesheets ask for them.
 */
public final class XsltFormatLoader {

    private XsltFormatLoader() {
    }

    /**
     * @return empty when the source has no {@code formats/<format>/format.json}
     * @throws MappingException when a file of the format is broken
     */
    public static Optional<XsltAdapter> load(String format, FormatSource source) {
        String directory = "formats/" + format + "/";
        String descriptorFile = directory + "format.json";
        Optional<byte[]> descriptorJson = source.read(descriptorFile);
        if (descriptorJson.isEmpty()) {
            return Optional.empty();
        }
        FormatDescriptor descriptor = FormatDescriptor.parse(descriptorFile, descriptorJson.get());
        if (!descriptor.format().equals(format)) {
            throw new MappingException(descriptorFile, "\"format\" is " + descriptor.format()
                    + " but the directory is " + directory);
        }
        FormatProcessor processor = new FormatProcessor(new CodeTables(source, format));
        return Optional.of(new XsltAdapter(descriptor, processor,
                processor.compile(directory + "to-contract.xsl", required(source, directory + "to-contract.xsl")),
                processor.compile(directory + "from-contract.xsl", required(source, directory + "from-contract.xsl")),
                reader(descriptor, processor),
                descriptor.messageIdPath() == null ? null
                        : processor.compileXPath(descriptorFile, descriptor.messageIdPath())));
    }

    private static byte[] required(FormatSource source, String file) {
        return source.read(file).orElseThrow(() -> new MappingException(file, "the stylesheet does not exist"));
    }

    private static NativeReader reader(FormatDescriptor descriptor, FormatProcessor processor) {
        return switch (descriptor.nativeKind()) {
            case XML -> new XmlNativeReader(processor.processor());
            case JSON -> new JsonNativeReader(processor.processor());
            case CSV -> new CsvNativeReader(processor.processor(), descriptor.csv());
        };
    }
}
