package cn.consumerexchange.gateway.related;

import org.junit.jupiter.api.Tag;

/**
 * The detector's SQL on PostgreSQL. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); runs in the
 * {@code services} Maven profile.
 */
@Tag("services")
class RelatedCaseDetectorPostgresTest extends RelatedCaseDetectorTest {

    @Override
    RelatedCaseDatabase database() {
        return RelatedCaseDatabase.postgres();
    }
}
