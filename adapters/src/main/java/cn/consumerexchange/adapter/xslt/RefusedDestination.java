package cn.consumerexchange.adapter.xslt;

import java.net.URI;

import net.sf.saxon.event.PipelineConfiguration;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.s9api.AbstractDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.serialize.SerializationProperties;

/**
 * Where an {@code xsl:result-document} goes: nowhere. A stylesheet's only output is its result, so writing a second
 * document is an error, raised when the document is opened, before anything is written.
 */
final class RefusedDestination extends AbstractDestination {

    private final URI uri;

    RefusedDestination(URI uri) {
        this.uri = uri;
    }

    @Override
    public Receiver getReceiver(PipelineConfiguration pipe, SerializationProperties params)
            throws SaxonApiException {
        throw new SaxonApiException("A format's stylesheets may not write result documents (" + uri + ").");
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
