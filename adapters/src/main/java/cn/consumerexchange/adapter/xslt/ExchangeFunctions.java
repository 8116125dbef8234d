package cn.consumerexchange.adapter.xslt;

import java.util.Collections;
import java.util.Optional;
import java.util.function.BiFunction;

import net.sf.saxon.Controller;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.EmptySequence;
import net.sf.saxon.value.SequenceType;
import net.sf.saxon.value.StringValue;

import cn.consumerexchange.adapter.MappingException;
import cn.consumerexchange.contract.Excerpt;

/**
 * The functions every stylesheet of a declarative format may call, in namespace {@value #NAMESPACE}:
 * <ul>
 * <li>{@code fx:simplified($text)}, {@code fx:traditional($text)}: Traditional (繁體) ↔ Simplified (简体) Chinese;</li>
 * <li>{@code fx:code($table, $native)}: the contract code for a native one, from {@code codes/<table>.csv};</li>
 * <li>{@code fx:native-code($table, $contract)}: the reverse, for writing native messages;</li>
 * <li>{@code fx:trim($text)}: the text without the XML whitespace (space, tab, CR, LF) it starts or ends with, as
 * {@code replace($text, '^\s+|\s+$', '')} gives it at a fraction of the cost of a regular expression.</li>
 * </ul>
 * All take and return {@code xs:string?}: an empty last argument gives an empty result, so optional fields need no
 * test. A code without a match is a dynamic error naming table and value, which rejects the message as
 * untranslatable; a missing or malformed table is the format's fault and surfaces as a {@link MappingException}.
 */
final class ExchangeFunctions {

    static final String NAMESPACE = "urn:cn:consumer-exchange:functions";

    /** Under this name a failing function leaves its reason with the transformation; see {@link #failure}. */
    private static final String FAILURE = "failure";

    @FunctionalInterface
    private interface StringFunction {

        /** @param arguments the arguments' string values; the last is never null */
        String apply(String[] arguments) throws XPathException;
    }

    private ExchangeFunctions() {
    }

    static void register(Processor processor, CodeTables codes) {
        processor.registerExtensionFunction(function("simplified", 1,
                arguments -> ChineseScript.simplified(arguments[0])));
        processor.registerExtensionFunction(function("traditional", 1,
                arguments -> ChineseScript.traditional(arguments[0])));
        processor.registerExtensionFunction(function("code", 2,
                arguments -> lookup(codes, arguments, CodeTable::contractCode, "native")));
        processor.registerExtensionFunction(function("native-code", 2,
                arguments -> lookup(codes, arguments, CodeTable::nativeCode, "contract")));
        processor.registerExtensionFunction(function("trim", 1, arguments -> trim(arguments[0])));
    }

    /** Without leading and trailing space, tab, CR and LF: XML's whitespace, which {@code \s} matches in XPath. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isXmlWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isXmlWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isXmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * The reason a function of this class gave when it failed in the transformation, without the context Saxon adds
     * to the error's message (which expression, which line): that is for the format's author, not for a partner.
     */
    static Optional<String> failure(Controller transformation) {
        return Optional.ofNullable((String) transformation.getUserData(ExchangeFunctions.class, FAILURE));
    }

    private static String lookup(CodeTables codes, String[] arguments,
            BiFunction<CodeTable, String, Optional<String>> direction, String side) throws XPathException {
        String table = String.valueOf(arguments[0]);
        String value = arguments[1].trim();
        Optional<String> found = direction.apply(codes.table(table), value);
        if (found.isEmpty()) {
            throw new XPathException("Code table " + table + " has no " + side + " code" + Excerpt.quoted(value)
                    + ".");
        }
        return found.get();
    }

    private static ExtensionFunctionDefinition function(String name, int arity, StringFunction body) {
        SequenceType[] argumentTypes = Collections.nCopies(arity, SequenceType.OPTIONAL_STRING)
                .toArray(SequenceType[]::new);
        return new ExtensionFunctionDefinition() {
            @Override
            public StructuredQName getFunctionQName() {
                return new StructuredQName("fx", NAMESPACE, name);
            }

            @Override
            public SequenceType[] getArgumentTypes() {
                return argumentTypes;
            }

            @Override
            public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
                return SequenceType.OPTIONAL_STRING;
            }

            @Override
            public ExtensionFunctionCall makeCallExpression() {
                return new ExtensionFunctionCall() {
                    @Override
                    public Sequence call(XPathContext context, Sequence[] values) throws XPathException {
                        String[] arguments = new String[arity];
                        for (int i = 0; i < arity; i++) {
                            Item item = values[i].head();
                            arguments[i] = item == null ? null : item.getStringValue();
                        }
                        if (arguments[arity - 1] == null) {
                            return EmptySequence.getInstance();
                        }
                        try {
                            return new StringValue(body.apply(arguments));
                        } catch (XPathException e) {
                            if (context.getController() != null) {
                                context.getController().setUserData(ExchangeFunctions.class, FAILURE, e.getMessage());
                            }
                            throw e;
                        } catch (MappingException e) {
                            // Carried as the cause so that the adapter can tell the format's fault from the message's.
                            throw new XPathException(e.getMessage(), e);
                        }
                    }
                };
            }
        };
    }
}
