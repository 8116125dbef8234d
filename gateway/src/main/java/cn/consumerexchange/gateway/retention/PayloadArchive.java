package cn.consumerexchange.gateway.retention;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Writes payloads about to be purged to {@code <root>/<yyyy-MM-dd>/<table>-<first id>-<last id>.zip}: one entry
 * {@code <id>.bin} per payload and a {@code manifest.csv} naming each by row id, partner, message id, time and SHA-256.
 * The file is synced and moved into place, and its directory synced, before {@link #write} returns, so a purge that
 * follows never loses bytes the archive does not hold on disk.
 */
final class PayloadArchive {

    private final Path root;

    PayloadArchive(Path root) {
        this.root = root.toAbsolutePath();
    }

    Path write(String table, List<HeldPayload> batch, Instant now) {
        try {
            Path day = Files.createDirectories(root.resolve(now.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
            String name = table + "-" + batch.get(0).rowId() + "-" + batch.get(batch.size() - 1).rowId();
            Path target = day.resolve(name + ".zip");
            Path partial = day.resolve(name + ".zip.part");
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                StringBuilder manifest = new StringBuilder(
                        "row_id,partner_code,message_id,created_at,payload_sha256,archived_sha256,size\n");
                for (HeldPayload held : batch) {
                    zip.putNextEntry(new ZipEntry(held.rowId() + ".bin"));
                    zip.write(held.payload());
                    zip.closeEntry();
                    manifest.append(held.rowId()).append(',').append(held.partnerCode()).append(',')
                            .append(csv(held.messageId())).append(',').append(held.createdAt()).append(',')
                            .append(held.payloadSha256()).append(',').append(Sha256.hex(held.payload())).append(',')
                            .append(held.payload().length).append('\n');
                }
                zip.putNextEntry(new ZipEntry("manifest.csv"));
                zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            sync(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            sync(day);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive payloads under " + root, e);
        }
    }

    private static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
