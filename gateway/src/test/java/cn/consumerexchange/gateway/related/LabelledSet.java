package cn.consumerexchange.gateway.related;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.contract.v1.Complainant;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.PurchaseChannel;
import cn.consumerexchange.contract.v1.Respondent;

/**
 * The labelled synthetic set of seeds/related-cases/ (made by seeds/tools/related-cases/generate.py): complaints as
 * contract messages, and the labelled pairs.
 */
final class LabelledSet {

    static final Path DIRECTORY = Path.of("../seeds/related-cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complaint as a partner filed it. */
    record Filing(String ref, String partner, Instant receivedAt, ExchangeMessage message) {
    }

    /** A labelled pair: DUPLICATE, or NOT_DUPLICATE with what makes it a hard negative. */
    record Label(String a, String b, boolean duplicate, String variation) {
        String pair() {
            return LabelledSet.pair(a, b);
        }
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    static List<Filing> complaints() throws IOException {
        return Files.readAllLines(DIRECTORY.resolve("complaints.jsonl")).stream()
                .filter(line -> !line.isBlank())
                .map(LabelledSet::filing)
                .toList();
    }

    static List<Label> labels() throws IOException {
        return Files.readAllLines(DIRECTORY.resolve("labels.csv")).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(",", 4))
                .map(f -> new Label(f[0], f[1], "DUPLICATE".equals(f[2]), f[3]))
                .toList();
    }

    /** Partner code to its home calling code, from the partner registry's seed. */
    static Function<String, String> homeCallingCodes() throws IOException {
        Map<String, String> codes = new HashMap<>();
        for (JsonNode partner : JSON.readTree(Path.of("../seeds/partners/partners.json").toFile())) {
            List<String> divisions = JSON.convertValue(partner.get("divisions"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            codes.put(partner.get("code").asText(), RelatedCaseDetector.homeCallingCode(divisions));
        }
        return partner -> codes.getOrDefault(partner, NameNormaliser.MAINLAND);
    }

    private static Filing filing(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            Complaint complaint = new Complaint();
            Complainant consumer = new Complainant();
            consumer.setName(json.at("/complainant/name").asText());
            consumer.setPhone(json.at("/complainant/phone").asText());
            consumer.setIdNumber(text(json.at("/complainant/idNumber")));
            complaint.setComplainant(consumer);
            Respondent respondent = new Respondent();
            respondent.setName(json.at("/respondent/name").asText());
            respondent.setCreditCode(text(json.at("/respondent/creditCode")));
            respondent.setRegistrationNumber(text(json.at("/respondent/registrationNumber")));
            respondent.setAddress(json.at("/respondent/address").asText());
            respondent.setDivisionCode(json.at("/respondent/divisionCode").asText());
            complaint.setRespondent(respondent);
            Purchase purchase = new Purchase();
            purchase.setChannel(PurchaseChannel.valueOf(json.at("/purchase/channel").asText()));
            purchase.setPlatform(text(json.at("/purchase/platform")));
            purchase.setStore(text(json.at("/purchase/store")));
            purchase.setDate(LocalDate.parse(json.at("/purchase/date").asText()));
            Money amount = new Money();
            amount.setValue(new BigDecimal(json.at("/purchase/amount").asText()));
            amount.setCurrency(Currency.valueOf(json.at("/purchase/currency").asText()));
            purchase.setAmount(amount);
            complaint.setPurchase(purchase);
            OffsetDateTime receivedAt = OffsetDateTime.parse(json.get("receivedAt").asText());
            complaint.setReceivedAt(receivedAt);
            ExchangeMessage message = new ExchangeMessage();
            message.setComplaint(complaint);
            return new Filing(json.get("ref").asText(), json.get("partner").asText(), receivedAt.toInstant(),
                    message);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable line of complaints.jsonl: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
