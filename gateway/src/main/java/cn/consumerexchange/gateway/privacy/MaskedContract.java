package cn.consumerexchange.gateway.privacy;

import java.io.StringWriter;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * A contract message as operators read it: contract XML, indented, personal data masked. Written without the schema
 * check of {@code ContractCodec#write}: a rejected message is shown too, and a masked phone number is no longer one
 * the schema would take.
 */
final class MaskedContract {

    private static final JAXBContext CONTEXT = newContext();

    private MaskedContract() {
    }

    static String of(ExchangeMessage message) {
        try {
            DOMResult result = new DOMResult();
            CONTEXT.createMarshaller().marshal(message, result);
            Document document = (Document) result.getNode();
            PersonalDataMask.mask(document);
            document.setXmlStandalone(true);
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (JAXBException | TransformerException e) {
            throw new IllegalStateException("cannot write a contract message held in memory", e);
        }
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(ExchangeMessage.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the contract classes cannot be bound", e);
        }
    }
}
