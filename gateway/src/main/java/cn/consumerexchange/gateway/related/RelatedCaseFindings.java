package cn.consumerexchange.gateway.related;

import java.util.List;

/** What the detector found for one complaint: links to likely duplicates and advisory flags. Neither rejects. */
public record RelatedCaseFindings(List<RelatedCaseLink> links, List<AdvisoryFlag> flags) {

    public static final RelatedCaseFindings NONE = new RelatedCaseFindings(List.of(), List.of());

    public RelatedCaseFindings {
        links = List.copyOf(links);
        flags = List.copyOf(flags);
    }
}
