package cn.consumerexchange.adapter.gba;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.consumerexchange.adapter.support.Amounts;
import cn.consumerexchange.contract.v1.Acknowledgement;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Rejection;
import cn.consumerexchange.contract.v1.RejectionError;
import cn.consumerexchange.contract.v1.StatusUpdate;

/** Writes contract messages as {@code gba-xml}; one writer per message, not thread-safe. */
class GbaXmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XMLStreamWriter xml;

    byte[] write(ExchangeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("gba-message");
            xml.writeAttribute("version", "2.1");
            if (message.getComplaint() != null) {
                xml.writeAttribute("type", "complaint");
                header(message.getEnvelope());
                complaint(message.getComplaint());
            } else if (message.getStatusUpdate() != null) {
                xml.writeAttribute("type", "status");
                header(message.getEnvelope());
                status(message.getStatusUpdate());
            } else if (message.getAcknowledgement() != null) {
                xml.writeAttribute("type", "receipt");
                header(message.getEnvelope());
                acknowledgement(message.getAcknowledgement());
            } else if (message.getRejection() != null) {
                xml.writeAttribute("type", "receipt");
                header(message.getEnvelope());
                rejection(message.getRejection());
            } else {
                throw new IllegalArgumentException("The gba-xml format does not carry "
                        + message.getEnvelope().getMessageType() + " messages");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing gba-xml failed", e);
        }
    }

    private void header(Envelope envelope) throws XMLStreamException {
        xml.writeStartElement("header");
        element("msg-id", envelope.getMessageId());
        element("from", envelope.getSender());
        element("to", envelope.getReceiver());
        element("sent-time", envelope.getSentAt());
        for (String ref : envelope.getCaseRef()) {
            element("ref", ref);
        }
        xml.writeEndElement();
    }

    private void complaint(Complaint complaint) throws XMLStreamException {
        xml.writeStartElement("complaint");
        element("case-no", complaint.getOriginCaseNumber());
        xml.writeEmptyElement("consumer");
        attribute("name", complaint.getComplainant().getName());
        attribute("mobile", complaint.getComplainant().getPhone());
        attribute("id-card", complaint.getComplainant().getIdNumber());

        var respondent = complaint.getRespondent();
        xml.writeStartElement("business");
        element("name", respondent.getName());
        element("uscc", respondent.getCreditCode());
        element("br-no", respondent.getRegistrationNumber());
        element("address", respondent.getAddress());
        element("area-code", respondent.getDivisionCode());
        element("kind", respondent.getKind() == null ? null : respondent.getKind().name());
        element("platform", respondent.getPlatformName());
        xml.writeEndElement();

        var purchase = complaint.getPurchase();
        xml.writeStartElement("purchase");
        attribute("channel", purchase.getChannel() == null ? null : purchase.getChannel().name());
        attribute("date", purchase.getDate());
        attribute("platform", purchase.getPlatform());
        attribute("store", purchase.getStore());
        if (purchase.getAmount() != null) {
            xml.writeStartElement("amount");
            attribute("currency", purchase.getAmount().getCurrency().name());
            xml.writeCharacters(Amounts.plain(purchase.getAmount().getValue()));
            xml.writeEndElement();
        }
        xml.writeEndElement();

        element("category", complaint.getCategory());
        element("facts", complaint.getFacts());
        if (complaint.getRequests() != null) {
            element("demands", complaint.getRequests().getRequest().stream().map(Enum::name)
                    .collect(Collectors.joining(" ")));
        }
        element("received-time", complaint.getReceivedAt());
        element("receiving-authority", complaint.getReceivingAuthority());
        xml.writeEndElement();
    }

    private void status(StatusUpdate status) throws XMLStreamException {
        xml.writeStartElement("status");
        attribute("case", status.getCaseRef());
        attribute("state", status.getState().name());
        attribute("by", status.getBy());
        attribute("time", status.getAt());
        element("reason", status.getReason());
        element("note", status.getNote());
        xml.writeEndElement();
    }

    private void acknowledgement(Acknowledgement ack) throws XMLStreamException {
        xml.writeEmptyElement("receipt");
        attribute("for", ack.getAnswersMessageId());
        attribute("result", "ACCEPTED");
        attribute("gateway-ref", ack.getGatewayReference());
        attribute("time", ack.getAcceptedAt());
    }

    private void rejection(Rejection rejection) throws XMLStreamException {
        xml.writeStartElement("receipt");
        attribute("for", rejection.getAnswersMessageId());
        attribute("result", "REJECTED");
        attribute("time", rejection.getRejectedAt());
        for (RejectionError error : rejection.getError()) {
            xml.writeStartElement("error");
            attribute("code", error.getCode().name());
            attribute("path", error.getPath());
            xml.writeCharacters(error.getReason());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void element(String name, Object value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(text(value));
            xml.writeEndElement();
        }
    }

    private void attribute(String name, Object value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, text(value));
        }
    }

    private static String text(Object value) {
        return value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                : value.toString();
    }
}
