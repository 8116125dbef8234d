package cn.consumerexchange.gateway.related;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The patterns art. 17 names, counted from the key table by index: a burst of complaints against one respondent, and
 * several complainants giving one phone number. Flags inform operators; they never reject a complaint.
 */
@Component
public class AdvisoryFlags {

    /** The most rows one count reads: enough to pass any sensible threshold, bounded for a very busy key. */
    static final int COUNT_CAP = 200;

    private final RelatedCaseRecords records;
    private final RelatedCaseSettings settings;

    public AdvisoryFlags(RelatedCaseRecords records, RelatedCaseSettings settings) {
        this.records = records;
        this.settings = settings;
    }

    /** The flags a complaint with these keys, received at {@code receivedAt} and already recorded, raises. */
    List<AdvisoryFlag> of(CaseKeys keys, Instant receivedAt) {
        List<AdvisoryFlag> flags = new ArrayList<>();
        burst(keys, receivedAt).ifPresent(flags::add);
        sharedPhone(keys, receivedAt).ifPresent(flags::add);
        return flags;
    }

    private Optional<AdvisoryFlag> burst(CaseKeys keys, Instant receivedAt) {
        RelatedCaseSettings.Burst burst = settings.burst();
        Optional<CaseKey> respondent = keys.values(KeyKind.RESPONDENT_CODE).stream()
                .map(code -> new CaseKey(KeyKind.RESPONDENT_CODE, code)).findFirst()
                .or(() -> keys.values(KeyKind.RESPONDENT_NAME).stream()
                        .map(name -> new CaseKey(KeyKind.RESPONDENT_NAME, name)).findFirst());
        if (respondent.isEmpty()) {
            return Optional.empty();
        }
        List<String> refs = records.refsHolding(respondent.get(), receivedAt.minus(burst.window()), receivedAt,
                COUNT_CAP);
        if (refs.size() < burst.complaints()) {
            return Optional.empty();
        }
        return Optional.of(new AdvisoryFlag(AdvisoryFlag.Kind.RESPONDENT_BURST, refs.size(), burst.window(), refs,
                "%s%d complaints against this respondent within %s (flag from %d)".formatted(
                        refs.size() == COUNT_CAP ? "at least " : "", refs.size(), readable(burst.window()),
                        burst.complaints())));
    }

    private Optional<AdvisoryFlag> sharedPhone(CaseKeys keys, Instant receivedAt) {
        RelatedCaseSettings.SharedPhone shared = settings.sharedPhone();
        for (String phone : keys.values(KeyKind.CONSUMER_PHONE)) {
            List<Map.Entry<String, String>> cases = records.namesGivingPhone(phone,
                    receivedAt.minus(shared.window()), receivedAt, COUNT_CAP);
            Set<String> complainants = new LinkedHashSet<>();
            Set<String> refs = new LinkedHashSet<>();
            cases.forEach(named -> {
                complainants.add(named.getValue());
                refs.add(named.getKey());
            });
            if (complainants.size() >= shared.complainants()) {
                return Optional.of(new AdvisoryFlag(AdvisoryFlag.Kind.SHARED_PHONE, complainants.size(),
                        shared.window(), List.copyOf(refs),
                        "%d different complainants gave this complaint's phone number within %s (flag from %d)"
                                .formatted(complainants.size(), readable(shared.window()), shared.complainants())));
            }
        }
        return Optional.empty();
    }

    private static String readable(Duration window) {
        if (window.toHours() % 24 == 0 && window.toDays() > 1) {
            return window.toDays() + " days";
        }
        return window.toMinutes() % 60 == 0 ? window.toHours() + " hours" : window.toMinutes() + " minutes";
    }
}
