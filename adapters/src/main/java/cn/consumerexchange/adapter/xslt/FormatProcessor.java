package cn.consumerexchange.adapter.xslt;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.lib.ErrorReporter;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.SaxonApiUncheckedException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;

import cn.consumerexchange.adapter.MappingException;

/**
 * The Saxon set-up of one declarative format: a processor with the exchange's functions bound to the format's code
 * tables, locked down so that a stylesheet reads only the message it is given and writes only its result: no
 * {@code doc()}, {@code unparsed-text()}, {@code xsl:include}, external entity or {@code xsl:result-document}. Each
 * format has its own, because the code tables its functions look in are the format's. Thread-safe.
 */
final class FormatProcessor {

    private static final ResourceResolver NO_RESOURCES = request -> {
        throw new XPathException("A format's stylesheets may read only the message they are given, not "
                + request.uri);
    };

    private static final ErrorReporter QUIET = error -> { };

    private final Processor processor = new Processor(false);

    FormatProcessor(CodeTables codes) {
        processor.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        processor.getUnderlyingConfiguration().setResourceResolver(NO_RESOURCES);
        // An error comes back as the exception; Saxon's default report to stderr could leak personal data. One
        // reporter for every transformation and tree built: Saxon's default made a logger on stderr for each.
        processor.getUnderlyingConfiguration().setErrorReporterFactory(configuration -> QUIET);
        ExchangeFunctions.register(processor, codes);
    }

    Processor processor() {
        return processor;
    }

    /** @throws MappingException at the first static error, naming {@code file}, line and column */
    XsltExecutable compile(String file, byte[] stylesheet) {
        XsltCompiler compiler = processor.newXsltCompiler();
        List<XmlProcessingError> errors = new ArrayList<>();
        compiler.setErrorList(errors);
        compiler.setResourceResolver(NO_RESOURCES);
        try {
            return compiler.compile(new StreamSource(new ByteArrayInputStream(stylesheet), file));
        } catch (SaxonApiException e) {
            XmlProcessingError first = errors.stream().filter(error -> !error.isWarning()).findFirst().orElse(null);
            if (first == null) {
                throw new MappingException(file, e.getMessage());
            }
            throw new MappingException(file, first.getLocation().getLineNumber(),
                    first.getLocation().getColumnNumber(), first.getMessage());
        }
    }

    /** @throws MappingException naming {@code file} when the expression does not compile */
    XPathExecutable compileXPath(String file, String expression) {
        XPathCompiler compiler = processor.newXPathCompiler();
        compiler.declareNamespace("fn", "http://www.w3.org/2005/xpath-functions");
        try {
            return compiler.compile(expression);
        } catch (SaxonApiException e) {
            throw new MappingException(file, "XPath '" + expression + "' does not compile: " + e.getMessage());
        }
    }

    /**
     * Runs a stylesheet once on {@code input}, into the destination made for the call's transformer (so that a
     * serializer can take the stylesheet's {@code xsl:output}). Non-terminating {@code xsl:message}s are dropped:
     * they are the format author's debugging aid and may carry personal data.
     *
     * @throws StylesheetFailure with the text of a terminating {@code xsl:message}, or the dynamic error's
     * @throws MappingException  when a code table the stylesheet asks for is missing or malformed
     */
    static void transform(XsltExecutable stylesheet, XdmNode input,
            Function<Xslt30Transformer, Destination> destination) throws StylesheetFailure {
        Xslt30Transformer transformer = stylesheet.load30();
        AtomicReference<String> termination = new AtomicReference<>();
        transformer.setMessageHandler(message -> {
            if (message.isTerminate()) {
                termination.set(message.getStringValue().trim());
            }
        });
        transformer.setResultDocumentHandler(RefusedDestination::new);
        try {
            transformer.setGlobalContextItem(input);
            transformer.applyTemplates(input, destination.apply(transformer));
        } catch (SaxonApiException | SaxonApiUncheckedException e) {
            Throwable root = e;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MappingException fault) {
                    throw fault;
                }
                root = cause;
            }
            throw new StylesheetFailure(reason(e, root, termination.get(), transformer), e);
        }
    }

    /**
     * The text of a terminating message; else the reason one of the exchange's functions gave, when it is the error
     * that stopped the stylesheet; else Saxon's message, with the root cause's where Saxon's only says that something
     * below failed.
     */
    private static String reason(Exception e, Throwable root, String termination, Xslt30Transformer transformer) {
        if (termination != null) {
            return termination;
        }
        String message = String.valueOf(e.getMessage());
        Optional<String> functionFailure = ExchangeFunctions.failure(transformer.getUnderlyingController())
                .filter(message::startsWith);
        if (functionFailure.isPresent()) {
            return functionFailure.get();
        }
        String rootMessage = root.getMessage();
        return rootMessage == null || message.contains(rootMessage) ? message : message + ": " + rootMessage;
    }
}
