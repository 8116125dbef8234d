package cn.consumerexchange.gateway.lifecycle;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What operators read of the case lifecycle: a case's history, and the returned cases waiting for them. */
@RestController
class CaseLifecycleController {

    private final CaseTransitions transitions;

    CaseLifecycleController(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @GetMapping("/api/transfers/{gatewayRef}/transitions")
    List<CaseTransition> transitions(@PathVariable String gatewayRef) {
        return transitions.of(gatewayRef);
    }

    /** Cases returned (退回, art. 41) that no other partner serves: an operator finds the competent authority. */
    @GetMapping("/api/transfers/needing-operator")
    List<String> needingOperator() {
        return transitions.needingOperator();
    }
}
