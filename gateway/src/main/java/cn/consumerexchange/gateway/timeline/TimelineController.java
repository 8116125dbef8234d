package cn.consumerexchange.gateway.timeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.web.OperatorRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/cases/{gatewayRef}/timeline}: a case's story for operators; 404 problem+json for no such case. */
@RestController
@Tag(name = "Cases", description = "A transferred case and its timeline (案件时间线)")
class TimelineController {

    private final CaseTimeline timelines;

    TimelineController(CaseTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/cases/{gatewayRef}/timeline")
    @Operation(summary = "Every message, delivery attempt, state change and operator action of a case, in time order")
    CaseTimeline.Timeline timeline(@PathVariable String gatewayRef) {
        return timelines.of(gatewayRef).orElseThrow(() -> OperatorRequestException.notFound("case " + gatewayRef));
    }
}
