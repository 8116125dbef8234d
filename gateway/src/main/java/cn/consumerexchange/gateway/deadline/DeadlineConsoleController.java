package cn.consumerexchange.gateway.deadline;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console/deadlines}, the deadline board (时限看板): running clocks, missed and due soon first. */
@Controller
class DeadlineConsoleController {

    static final int PAGE_SIZE = 50;

    private final DeadlineBoard board;

    DeadlineConsoleController(DeadlineBoard board) {
        this.board = board;
    }

    @GetMapping("/console/deadlines")
    String deadlines(@RequestParam(required = false) ClockStatus status,
            @RequestParam(required = false) String partner, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String holder = partner == null || partner.isBlank() ? null : partner.trim();
        model.addAttribute("board", board.page(status, holder, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("status", status);
        model.addAttribute("partner", holder);
        model.addAttribute("statuses", List.of(ClockStatus.values()));
        return "console/deadlines";
    }
}
