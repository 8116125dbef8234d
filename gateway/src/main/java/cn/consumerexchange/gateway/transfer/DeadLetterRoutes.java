package cn.consumerexchange.gateway.transfer;

import static cn.consumerexchange.gateway.Endpoints.DEAD_LETTER_QUEUE;
import static cn.consumerexchange.gateway.Endpoints.jmsQueue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads the broker's dead-letter queue and records each message, see {@link DeadLetters}. The record and the answer
 * are one broker transaction with the consume; while the database is away the message stays on the queue, which never
 * dead-letters itself.
 */
@Component
class DeadLetterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(jmsQueue(DEAD_LETTER_QUEUE)).routeId("dead-letters")
                .bean(DeadLetters.class, "record").id("record-dead-letter")
                .filter(body().isNotNull())
                    .toD(jmsQueue("${exchangeProperty." + DeadLetters.ANSWER_QUEUE + "}")).id("answer-dead-letter")
                .end();
    }
}
