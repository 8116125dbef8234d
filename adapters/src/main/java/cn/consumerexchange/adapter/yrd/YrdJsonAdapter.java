package cn.consumerexchange.adapter.yrd;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.adapter.support.Amounts;
import cn.consumerexchange.adapter.support.NativeText;
import cn.consumerexchange.adapter.support.StrictJson;
import cn.consumerexchange.adapter.support.Values;
import cn.consumerexchange.contract.Excerpt;
import cn.consumerexchange.contract.v1.Acknowledgement;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Complainant;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ConsumerRequest;
import cn.consumerexchange.contract.v1.ConsumerRequests;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.PurchaseChannel;
import cn.consumerexchange.contract.v1.Rejection;
import cn.consumerexchange.contract.v1.RejectionError;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import cn.consumerexchange.contract.v1.StatusUpdate;

/**
 * The Yangtze River Delta's JSON format ({@code yrd-json}), spoken by the Shanghai, Jiangsu, Zhejiang and Anhui
 * complaint platforms.
 *
 * <p>A message is one object with {@code msgId}, {@code msgType} ({@code COMPLAINT}, {@code STATUS}, {@code ACK},
 * {@code REJECT}), {@code fromOrg}, {@code toOrg}, {@code sendTime}, {@code refs} and one body object named after the
 * type. Amounts are strings, so no decimal is lost to floating point. See {@code seeds/samples/yrd-json/}.
 */
public class YrdJsonAdapter implements PartnerAdapter {

    public static final String FORMAT = "yrd-json";

    private static final Set<MessageKind> MESSAGE_TYPES = Collections.unmodifiableSet(EnumSet.of(
            MessageKind.COMPLAINT, MessageKind.STATUS_UPDATE, MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION));

    /** Reads only what {@link StrictJson} has checked; writes the partner's messages. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public Set<MessageKind> messageTypes() {
        return MESSAGE_TYPES;
    }

    @Override
    public ExchangeMessage toContract(byte[] nativeMessage) {
        JsonNode root = parse(nativeMessage);
        String messageId = text(root, "msgId");
        String type = text(root, "msgType");
        ExchangeMessage message = new ExchangeMessage();
        MessageKind kind;
        switch (type == null ? "" : type) {
            case "COMPLAINT" -> {
                message.setComplaint(complaint(body(root, "complaint", messageId), messageId));
                kind = MessageKind.COMPLAINT;
            }
            case "STATUS" -> {
                message.setStatusUpdate(status(body(root, "status", messageId), messageId));
                kind = MessageKind.STATUS_UPDATE;
            }
            default -> throw new UntranslatableMessageException(messageId, "$.msgType", "Message type"
                    + Excerpt.quoted(type) + " is not one the yrd-json format carries to the gateway (COMPLAINT,"
                    + " STATUS).");
        }
        Envelope envelope = new Envelope();
        envelope.setMessageId(messageId);
        envelope.setMessageType(kind);
        envelope.setSender(text(root, "fromOrg"));
        envelope.setReceiver(text(root, "toOrg"));
        root.path("refs").forEach(ref -> envelope.getCaseRef().add(ref.asText()));
        envelope.setSentAt(Values.dateTime(text(root, "sendTime"), "$.sendTime", messageId));
        envelope.setContractVersion("1.0");
        message.setEnvelope(envelope);
        return message;
    }

    private static JsonNode parse(byte[] nativeMessage) {
        String json = NativeText.decode(nativeMessage, "$");
        StrictJson.check(json);
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new UntranslatableMessageException(null, "$", "Expected a JSON object.");
            }
            return root;
        } catch (JacksonException e) {
            throw new IllegalStateException("JSON that StrictJson read could not be read again", e);
        }
    }

    private static JsonNode body(JsonNode root, String name, String messageId) {
        JsonNode body = root.get(name);
        if (body == null || !body.isObject()) {
            throw new UntranslatableMessageException(messageId, "$." + name, "The message type needs a '" + name
                    + "' object.");
        }
        return body;
    }

    private static Complaint complaint(JsonNode body, String messageId) {
        Complaint complaint = new Complaint();
        complaint.setOriginCaseNumber(text(body, "caseNo"));

        JsonNode consumer = body.path("consumer");
        Complainant complainant = new Complainant();
        complainant.setName(text(consumer, "name"));
        complainant.setPhone(text(consumer, "phone"));
        complainant.setIdNumber(text(consumer, "idNo"));
        complaint.setComplainant(complainant);

        JsonNode merchant = body.path("merchant");
        Respondent respondent = new Respondent();
        respondent.setName(text(merchant, "name"));
        respondent.setCreditCode(text(merchant, "creditCode"));
        respondent.setRegistrationNumber(text(merchant, "regNo"));
        respondent.setAddress(text(merchant, "address"));
        respondent.setDivisionCode(text(merchant, "regionCode"));
        respondent.setKind(Values.enumValue(RespondentKind.class, text(merchant, "type"),
                "$.complaint.merchant.type", messageId));
        respondent.setPlatformName(text(merchant, "platformName"));
        complaint.setRespondent(respondent);

        JsonNode order = body.path("order");
        Purchase purchase = new Purchase();
        purchase.setChannel(Values.enumValue(PurchaseChannel.class, text(order, "channel"),
                "$.complaint.order.channel", messageId));
        purchase.setPlatform(text(order, "platform"));
        purchase.setStore(text(order, "store"));
        purchase.setDate(Values.date(text(order, "orderDate"), "$.complaint.order.orderDate", messageId));
        if (order.has("amount")) {
            Money amount = new Money();
            amount.setValue(Values.amount(text(order, "amount"), "$.complaint.order.amount", messageId));
            amount.setCurrency(Values.currency(text(order, "currency"), "$.complaint.order.currency", messageId));
            purchase.setAmount(amount);
        }
        complaint.setPurchase(purchase);

        complaint.setCategory(text(body, "categoryCode"));
        complaint.setFacts(text(body, "description"));
        if (body.has("appeals")) {
            ConsumerRequests requests = new ConsumerRequests();
            body.get("appeals").forEach(appeal -> requests.getRequest().add(Values.enumValue(ConsumerRequest.class,
                    appeal.asText(), "$.complaint.appeals", messageId)));
            complaint.setRequests(requests);
        }
        complaint.setReceivedAt(Values.dateTime(text(body, "acceptTime"), "$.complaint.acceptTime", messageId));
        complaint.setReceivingAuthority(text(body, "acceptOrg"));
        return complaint;
    }

    private static StatusUpdate status(JsonNode body, String messageId) {
        StatusUpdate status = new StatusUpdate();
        status.setCaseRef(text(body, "caseRef"));
        status.setState(Values.enumValue(CaseState.class, text(body, "state"), "$.status.state", messageId));
        status.setBy(text(body, "handler"));
        status.setAt(Values.dateTime(text(body, "time"), "$.status.time", messageId));
        status.setReason(text(body, "reason"));
        status.setNote(text(body, "remark"));
        return status;
    }

    @Override
    public byte[] toNative(ExchangeMessage message) {
        Envelope envelope = message.getEnvelope();
        ObjectNode root = JSON.createObjectNode();
        root.put("msgId", envelope.getMessageId());
        root.put("fromOrg", envelope.getSender());
        root.put("toOrg", envelope.getReceiver());
        root.put("sendTime", time(envelope.getSentAt()));
        ArrayNode refs = root.putArray("refs");
        envelope.getCaseRef().forEach(refs::add);
        if (message.getComplaint() != null) {
            root.put("msgType", "COMPLAINT");
            writeComplaint(root.putObject("complaint"), message.getComplaint());
        } else if (message.getStatusUpdate() != null) {
            root.put("msgType", "STATUS");
            writeStatus(root.putObject("status"), message.getStatusUpdate());
        } else if (message.getAcknowledgement() != null) {
            root.put("msgType", "ACK");
            Acknowledgement ack = message.getAcknowledgement();
            ObjectNode body = root.putObject("ack");
            body.put("forMsgId", ack.getAnswersMessageId());
            body.put("gatewayRef", ack.getGatewayReference());
            body.put("acceptedAt", time(ack.getAcceptedAt()));
        } else if (message.getRejection() != null) {
            root.put("msgType", "REJECT");
            Rejection rejection = message.getRejection();
            ObjectNode body = root.putObject("reject");
            body.put("forMsgId", rejection.getAnswersMessageId());
            body.put("rejectedAt", time(rejection.getRejectedAt()));
            ArrayNode errors = body.putArray("errors");
            for (RejectionError error : rejection.getError()) {
                errors.addObject()
                        .put("code", error.getCode().name())
                        .put("field", error.getPath())
                        .put("message", error.getReason());
            }
        } else {
            throw new IllegalArgumentException("The yrd-json format does not carry " + envelope.getMessageType()
                    + " messages");
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("Writing yrd-json failed", e);
        }
    }

    private static void writeComplaint(ObjectNode body, Complaint complaint) {
        body.put("caseNo", complaint.getOriginCaseNumber());
        body.putObject("consumer")
                .put("name", complaint.getComplainant().getName())
                .put("phone", complaint.getComplainant().getPhone())
                .put("idNo", complaint.getComplainant().getIdNumber());
        Respondent respondent = complaint.getRespondent();
        body.putObject("merchant")
                .put("name", respondent.getName())
                .put("creditCode", respondent.getCreditCode())
                .put("regNo", respondent.getRegistrationNumber())
                .put("address", respondent.getAddress())
                .put("regionCode", respondent.getDivisionCode())
                .put("type", respondent.getKind() == null ? null : respondent.getKind().name())
                .put("platformName", respondent.getPlatformName());
        Purchase purchase = complaint.getPurchase();
        ObjectNode order = body.putObject("order")
                .put("channel", purchase.getChannel() == null ? null : purchase.getChannel().name())
                .put("platform", purchase.getPlatform())
                .put("store", purchase.getStore())
                .put("orderDate", purchase.getDate() == null ? null : purchase.getDate().toString());
        if (purchase.getAmount() != null) {
            order.put("amount", Amounts.plain(purchase.getAmount().getValue()))
                    .put("currency", purchase.getAmount().getCurrency().name());
        }
        body.put("categoryCode", complaint.getCategory());
        body.put("description", complaint.getFacts());
        ArrayNode appeals = body.putArray("appeals");
        if (complaint.getRequests() != null) {
            complaint.getRequests().getRequest().forEach(request -> appeals.add(request.name()));
        }
        body.put("acceptTime", time(complaint.getReceivedAt()));
        body.put("acceptOrg", complaint.getReceivingAuthority());
    }

    private static void writeStatus(ObjectNode body, StatusUpdate status) {
        body.put("caseRef", status.getCaseRef())
                .put("state", status.getState().name())
                .put("handler", status.getBy())
                .put("time", time(status.getAt()))
                .put("reason", status.getReason())
                .put("remark", status.getNote());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
