package cn.consumerexchange.gateway.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.MappingException;

/**
 * Loads the format of every registered partner once the gateway has started, so that a partner's first message does
 * not wait while its stylesheets compile (seconds on a loaded machine). A format that does not load is logged and
 * left to the catalog, which tries it again on first use.
 */
@Component
class PartnerFormatWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PartnerFormatWarmUp.class);

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;

    PartnerFormatWarmUp(PartnerRegistry partners, AdapterCatalog adapters) {
        this.partners = partners;
        this.adapters = adapters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadPartnerFormats() {
        load(adapters, partners.all().stream().map(Partner::format).distinct().toList());
    }

    /** @return the formats that did not load */
    static List<String> load(AdapterCatalog adapters, Collection<String> formats) {
        List<String> failed = new ArrayList<>();
        for (String format : formats) {
            try {
                adapters.forFormat(format);
            } catch (MappingException | IllegalArgumentException e) {
                log.warn("Format {} did not load at start; it is tried again on first use: {}", format,
                        e.getMessage());
                failed.add(format);
            }
        }
        return failed;
    }
}
