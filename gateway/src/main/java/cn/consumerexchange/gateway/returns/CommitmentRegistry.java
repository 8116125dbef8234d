package cn.consumerexchange.gateway.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.contract.DivisionCodes;
import cn.consumerexchange.contract.UnifiedSocialCreditCode;
import cn.consumerexchange.gateway.partner.PartnerLocations;

/**
 * The commitment registry (无理由退货承诺登记): chain firms, their stores in each region, their no-reason return
 * commitments and the advance-payment schemes they belong to, read from {@code returns/commitments.json} of the
 * last partner location that has one (the built-in seeds otherwise). Onboarding a firm is a change of that file.
 *
 * <p>The file is checked as it is read, so a firm with a malformed credit code, an unknown division, a commitment
 * shorter than 7 days or a store code used twice stops the gateway at start rather than refusing returns later.
 */
@Component
public class CommitmentRegistry {

    static final String FILE = "returns/commitments.json";

    private final Map<String, ChainFirm> firmsById = new LinkedHashMap<>();
    private final Map<String, ChainFirm> firmsByCommitment = new HashMap<>();
    private final Map<String, ChainFirm> firmsByStore = new HashMap<>();
    private final Map<String, AdvancePaymentScheme> schemes = new LinkedHashMap<>();
    private final String source;
    private final DivisionCodes divisions;

    @Autowired
    CommitmentRegistry(PartnerLocations locations, ObjectMapper json, DivisionCodes divisions) {
        this(locations.read(FILE).orElseThrow(() -> new IllegalStateException("No " + FILE + " in any location")),
                json, divisions);
    }

    CommitmentRegistry(byte[] file, ObjectMapper json, DivisionCodes divisions) {
        this.divisions = divisions;
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
        source = root.path("source").asText();
        for (JsonNode scheme : root.path("schemes")) {
            AdvancePaymentScheme read = new AdvancePaymentScheme(scheme.path("id").asText(),
                    scheme.path("name").asText(), scheme.path("refundWithinHours").asInt(),
                    texts(scheme.path("divisions")));
            read.divisions().forEach(division -> requireDivision(division, "scheme " + read.id()));
            schemes.put(read.id(), read);
        }
        for (JsonNode node : root.path("firms")) {
            add(firm(node));
        }
    }

    private ChainFirm firm(JsonNode node) {
        String id = node.path("id").asText();
        JsonNode commitment = node.path("commitment");
        List<FirmStore> stores = new ArrayList<>();
        for (JsonNode store : node.path("stores")) {
            stores.add(new FirmStore(store.path("code").asText(), store.path("name").asText(),
                    store.path("division").asText(), store.path("address").asText(),
                    store.path("registrationNumber").asText(null)));
        }
        ChainFirm firm = new ChainFirm(id, node.path("name").asText(), node.path("brand").asText(),
                node.path("creditCode").asText(),
                new ReturnCommitment(commitment.path("id").asText(), commitment.path("periodDays").asInt(),
                        commitment.path("refundWithinHours").asInt(), texts(commitment.path("excludedGoods"))),
                texts(node.path("schemes")), stores);
        if (!UnifiedSocialCreditCode.isValid(firm.creditCode())) {
            throw new IllegalStateException("Firm " + id + " in " + FILE + " has credit code " + firm.creditCode()
                    + ", which is malformed or has the wrong check character (GB 32100)");
        }
        for (String scheme : firm.schemes()) {
            if (!schemes.containsKey(scheme)) {
                throw new IllegalStateException("Firm " + id + " names scheme " + scheme + ", which " + FILE
                        + " does not list");
            }
        }
        for (FirmStore store : stores) {
            requireDivision(store.division(), "store " + store.code());
            if (!"CNY".equals(store.currency()) && store.registrationNumber() == null) {
                throw new IllegalStateException("Store " + store.code() + " in " + FILE + " is in Hong Kong or Macao"
                        + " and needs its business registration number");
            }
        }
        return firm;
    }

    private void add(ChainFirm firm) {
        if (firmsById.putIfAbsent(firm.id(), firm) != null
                || firmsByCommitment.putIfAbsent(firm.commitment().id(), firm) != null) {
            throw new IllegalStateException("Firm " + firm.id() + " or commitment " + firm.commitment().id()
                    + " appears twice in " + FILE);
        }
        for (FirmStore store : firm.stores()) {
            if (firmsByStore.putIfAbsent(store.code(), firm) != null) {
                throw new IllegalStateException("Store code " + store.code() + " appears twice in " + FILE);
            }
        }
    }

    private void requireDivision(String division, String what) {
        if (!divisions.isKnown(division)) {
            throw new IllegalStateException("The division " + division + " of " + what + " in " + FILE
                    + " is not in GB/T 2260");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    public List<ChainFirm> firms() {
        return List.copyOf(firmsById.values());
    }

    public List<AdvancePaymentScheme> schemes() {
        return List.copyOf(schemes.values());
    }

    /** Where the registry's data comes from, as its file states. */
    public String source() {
        return source;
    }

    public Optional<ChainFirm> byCommitment(String commitmentId) {
        return Optional.ofNullable(firmsByCommitment.get(commitmentId));
    }

    /** The firm a store belongs to, by the chain's store code. */
    public Optional<ChainFirm> byStore(String storeCode) {
        return Optional.ofNullable(firmsByStore.get(storeCode));
    }

    /**
     * The advance-payment scheme of the firm that covers a return taken in {@code returnStore}, if any: the one that
     * refunds soonest when several do.
     */
    public Optional<AdvancePaymentScheme> schemeFor(ChainFirm firm, FirmStore returnStore) {
        return firm.schemes().stream().map(schemes::get)
                .filter(scheme -> scheme.covers(returnStore.division()))
                .min((a, b) -> Integer.compare(a.refundWithinHours(), b.refundWithinHours()));
    }
}
