package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;

/** {@code fx:trim} gives what the regular expression it replaces in the formats' stylesheets gives. */
class ExchangeFunctionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\r\n ", "陈晓明", "  陈晓明 \n", "\t1299.00\r\n", "a  b", " a \n b ",
            "\u3000全角空格\u3000", "\u00a0no-break\u00a0", "x\u2003"})
    void trimIsTheRegularExpressionsTrim(String text) throws SaxonApiException {
        Processor processor = new Processor(false);
        ExchangeFunctions.register(processor, null);
        XPathCompiler xpath = processor.newXPathCompiler();
        xpath.declareNamespace("fx", ExchangeFunctions.NAMESPACE);
        xpath.declareVariable(new QName("text"));

        XPathSelector trimmed = xpath.compile("fx:trim($text)").load();
        trimmed.setVariable(new QName("text"), new XdmAtomicValue(text));
        XPathSelector replaced = xpath.compile("replace($text, '^\\s+|\\s+$', '')").load();
        replaced.setVariable(new QName("text"), new XdmAtomicValue(text));

        assertThat(trimmed.evaluateSingle().getStringValue()).isEqualTo(replaced.evaluateSingle().getStringValue());
    }
}
