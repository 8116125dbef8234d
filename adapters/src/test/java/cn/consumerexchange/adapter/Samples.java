package cn.consumerexchange.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;

/** The sample native messages under {@code seeds/samples/}, and the built-in formats, as the gateway finds them. */
public final class Samples {

    /** The built-in declarative formats, from the class path as the gateway packages them. */
    public static final FormatSource BUILT_IN_FORMATS = FormatSource.classpath("seeds");

    private Samples() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/seeds/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names in {@code seeds/samples/<folder>/}, sorted. */
    public static List<String> names(String folder) {
        try (Stream<Path> files = Files.list(Path.of(Samples.class.getResource("/seeds/samples/" + folder).toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
