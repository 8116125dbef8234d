package cn.consumerexchange.gateway.transfer;

import java.nio.charset.StandardCharsets;

/**
 * The name of the file a delivery to a batch-file partner is written to: the same for every attempt at one message,
 * so a repeat finds the file already there and leaves it (the FILE endpoint ignores an existing file), and different
 * for any two messages. Characters a file name cannot hold are replaced, and a short hash of the exact id keeps two ids
 * that differ only there apart.
 */
final class DeliveryFileName {

    private DeliveryFileName() {
    }

    static String of(String deliveryId, String mediaType) {
        String readable = deliveryId.replaceAll("[^A-Za-z0-9._-]", "_");
        String hash = Sha256.hex(deliveryId.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        String extension = mediaType.contains("csv") ? ".csv" : mediaType.contains("json") ? ".json" : ".xml";
        return readable + "-" + hash + extension;
    }
}
