package cn.consumerexchange.gateway.deadline;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The legal clocks on the operator API: the deadline board and a case's clocks. */
@RestController
class DeadlineController {

    static final int MAX_PAGE_SIZE = 200;

    private final DeadlineBoard board;

    DeadlineController(DeadlineBoard board) {
        this.board = board;
    }

    /** Running clocks, missed and due soon first; {@code status} picks one status (STOPPED included). */
    @GetMapping("/api/deadlines")
    DeadlineBoard.Page deadlines(@RequestParam(required = false) ClockStatus status,
            @RequestParam(required = false) String partner, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return board.page(status, partner == null || partner.isBlank() ? null : partner, Math.max(page, 0),
                Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
    }

    /** Each clock of the case, counted now, with its rule set and provision. */
    @GetMapping("/api/cases/{gatewayRef}/clocks")
    List<DeadlineView> clocks(@PathVariable String gatewayRef) {
        return board.ofCase(gatewayRef);
    }
}
