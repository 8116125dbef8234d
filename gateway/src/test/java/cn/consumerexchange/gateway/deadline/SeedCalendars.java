package cn.consumerexchange.gateway.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The calendars shipped in {@code seeds/calendars}, read from the classpath as the gateway reads them. */
final class SeedCalendars {

    static final List<String> FILES = List.of("CN-2025.csv", "CN-2026.csv", "HK-2026.csv", "MO-2026.csv");

    private SeedCalendars() {
    }

    static CalendarRegistry registry() {
        return new CalendarRegistry(FILES.stream().map(SeedCalendars::read).toList());
    }

    static CalendarYear read(String file) {
        String path = "/seeds/calendars/" + file;
        try (InputStream in = SeedCalendars.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return CalendarFiles.read(file, path, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
