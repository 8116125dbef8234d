package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatSourceTest {

    @Test
    void classpathReadsBelowItsRoot() {
        assertThat(FormatSource.classpath("seeds").read("formats/hkmo-xml/format.json")).isPresent();
        assertThat(FormatSource.classpath("seeds/").read("formats/none/format.json")).isEmpty();
    }

    @Test
    void directoryReadsBelowItsRootOnly(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("formats/acme-xml"));
        Files.writeString(root.resolve("formats/acme-xml/format.json"), "{}");
        Files.writeString(root.resolve("secret.txt"), "no");

        FormatSource source = FormatSource.directory(root.resolve("formats").getParent());
        FormatSource inner = FormatSource.directory(root.resolve("formats"));

        assertThat(source.read("formats/acme-xml/format.json")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{}"));
        assertThat(inner.read("../secret.txt")).isEmpty();
    }
}
