package cn.consumerexchange.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the files of declarative formats live: {@code formats/<format>/format.json}, its stylesheets and code tables.
 * The gateway implements it over its configured locations; {@link #classpath} and {@link #directory} cover the usual
 * two.
 */
@FunctionalInterface
public interface FormatSource {

    /**
     * The bytes of a file, by a path relative to the source's root such as {@code formats/hkmo-xml/format.json}.
     *
     * @return empty when there is no such file
     */
    Optional<byte[]> read(String path);

    /** Files on the class path below {@code root}, e.g. {@code seeds} for the built-in formats. */
    static FormatSource classpath(String root) {
        String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        ClassLoader loader = FormatSource.class.getClassLoader();
        return path -> {
            try (InputStream in = loader.getResourceAsStream(prefix + path)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + prefix + path + " from the class path", e);
            }
        };
    }

    /** Files below a directory. Paths that would leave it are treated as absent. */
    static FormatSource directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return path -> {
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }
}
