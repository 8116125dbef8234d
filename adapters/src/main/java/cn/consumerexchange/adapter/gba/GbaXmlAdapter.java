package cn.consumerexchange.adapter.gba;

import static cn.consumerexchange.adapter.support.NativeXml.attribute;
import static cn.consumerexchange.adapter.support.NativeXml.child;
import static cn.consumerexchange.adapter.support.NativeXml.children;
import static cn.consumerexchange.adapter.support.NativeXml.text;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.w3c.dom.Element;

import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.adapter.support.NativeXml;
import cn.consumerexchange.adapter.support.Values;
import cn.consumerexchange.contract.Excerpt;
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
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import cn.consumerexchange.contract.v1.StatusUpdate;

/**
 * The Greater Bay Area's XML format ({@code gba-xml}), spoken by the Guangdong cities' complaint systems.
 *
 * <p>A message is {@code <gba-message type="…">} with a {@code <header>} and one body: {@code <complaint>},
 * {@code <status>} or, from the gateway, {@code <receipt>} (acknowledgement or rejection). Consumer details and
 * purchase facts are attributes; demands are a space-separated list. See {@code seeds/samples/gba-xml/}.
 */
public class GbaXmlAdapter implements PartnerAdapter {

    public static final String FORMAT = "gba-xml";

    private static final Set<MessageKind> MESSAGE_TYPES = Collections.unmodifiableSet(EnumSet.of(
            MessageKind.COMPLAINT, MessageKind.STATUS_UPDATE, MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION));

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public Set<MessageKind> messageTypes() {
        return MESSAGE_TYPES;
    }

    @Override
    public ExchangeMessage toContract(byte[] nativeMessage) {
        Element root = NativeXml.parse(nativeMessage);
        Element header = child(root, "header");
        String messageId = text(header, "msg-id");
        if (!"gba-message".equals(root.getLocalName()) || header == null) {
            throw new UntranslatableMessageException(messageId, "/",
                    "Expected <gba-message> with a <header>.");
        }
        ExchangeMessage message = new ExchangeMessage();
        String type = attribute(root, "type");
        switch (type == null ? "" : type) {
            case "complaint" -> message.setComplaint(complaint(child(root, "complaint"), messageId));
            case "status" -> message.setStatusUpdate(status(child(root, "status"), messageId));
            default -> throw new UntranslatableMessageException(messageId, "/gba-message/@type",
                    "Message type" + Excerpt.quoted(type) + " is not one the gba-xml format carries to the gateway "
                            + "(complaint, status).");
        }
        message.setEnvelope(envelope(header, messageId,
                "complaint".equals(type) ? MessageKind.COMPLAINT : MessageKind.STATUS_UPDATE));
        return message;
    }

    private static Envelope envelope(Element header, String messageId, MessageKind kind) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(messageId);
        envelope.setMessageType(kind);
        envelope.setSender(text(header, "from"));
        envelope.setReceiver(text(header, "to"));
        children(header, "ref").forEach(ref -> envelope.getCaseRef().add(ref.getTextContent().trim()));
        envelope.setSentAt(Values.dateTime(text(header, "sent-time"), "/gba-message/header/sent-time", messageId));
        envelope.setContractVersion("1.0");
        return envelope;
    }

    private static Complaint complaint(Element body, String messageId) {
        if (body == null) {
            throw new UntranslatableMessageException(messageId, "/gba-message/complaint", "A complaint message "
                    + "needs a <complaint> element.");
        }
        Complaint complaint = new Complaint();
        complaint.setOriginCaseNumber(text(body, "case-no"));

        Element consumer = child(body, "consumer");
        Complainant complainant = new Complainant();
        complainant.setName(attribute(consumer, "name"));
        complainant.setPhone(attribute(consumer, "mobile"));
        complainant.setIdNumber(attribute(consumer, "id-card"));
        complaint.setComplainant(complainant);

        Element business = child(body, "business");
        Respondent respondent = new Respondent();
        respondent.setName(text(business, "name"));
        respondent.setCreditCode(text(business, "uscc"));
        respondent.setRegistrationNumber(text(business, "br-no"));
        respondent.setAddress(text(business, "address"));
        respondent.setDivisionCode(text(business, "area-code"));
        respondent.setKind(Values.enumValue(RespondentKind.class, text(business, "kind"),
                "/gba-message/complaint/business/kind", messageId));
        respondent.setPlatformName(text(business, "platform"));
        complaint.setRespondent(respondent);

        Element bought = child(body, "purchase");
        Purchase purchase = new Purchase();
        purchase.setChannel(Values.enumValue(PurchaseChannel.class, attribute(bought, "channel"),
                "/gba-message/complaint/purchase/@channel", messageId));
        purchase.setPlatform(attribute(bought, "platform"));
        purchase.setStore(attribute(bought, "store"));
        purchase.setDate(Values.date(attribute(bought, "date"), "/gba-message/complaint/purchase/@date", messageId));
        Element amount = child(bought, "amount");
        if (amount != null) {
            Money money = new Money();
            money.setValue(Values.amount(amount.getTextContent().trim(), "/gba-message/complaint/purchase/amount",
                    messageId));
            money.setCurrency(Values.currency(attribute(amount, "currency"),
                    "/gba-message/complaint/purchase/amount/@currency", messageId));
            purchase.setAmount(money);
        }
        complaint.setPurchase(purchase);

        complaint.setCategory(text(body, "category"));
        complaint.setFacts(text(body, "facts"));
        String demands = text(body, "demands");
        if (demands != null) {
            ConsumerRequests requests = new ConsumerRequests();
            for (String demand : demands.split("\\s+")) {
                requests.getRequest().add(Values.enumValue(ConsumerRequest.class, demand,
                        "/gba-message/complaint/demands", messageId));
            }
            complaint.setRequests(requests);
        }
        complaint.setReceivedAt(Values.dateTime(text(body, "received-time"), "/gba-message/complaint/received-time",
                messageId));
        complaint.setReceivingAuthority(text(body, "receiving-authority"));
        return complaint;
    }

    private static StatusUpdate status(Element body, String messageId) {
        if (body == null) {
            throw new UntranslatableMessageException(messageId, "/gba-message/status", "A status message needs a "
                    + "<status> element.");
        }
        StatusUpdate status = new StatusUpdate();
        status.setCaseRef(attribute(body, "case"));
        status.setState(Values.enumValue(CaseState.class, attribute(body, "state"), "/gba-message/status/@state",
                messageId));
        status.setBy(attribute(body, "by"));
        status.setAt(Values.dateTime(attribute(body, "time"), "/gba-message/status/@time", messageId));
        status.setReason(text(body, "reason"));
        status.setNote(text(body, "note"));
        return status;
    }

    @Override
    public byte[] toNative(ExchangeMessage message) {
        return new GbaXmlWriter().write(message);
    }
}
