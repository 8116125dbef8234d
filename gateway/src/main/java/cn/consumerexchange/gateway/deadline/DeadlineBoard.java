package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What operators read of the legal clocks: the deadline board (时限看板), missed and due soon first, and a case's
 * clocks as they stand now. The board reads each clock as the deadline sweeper last counted it.
 */
@Component
public class DeadlineBoard {

    private final LegalClockStore store;
    private final LegalClocks clocks;
    private final Clock clock;

    DeadlineBoard(LegalClockStore store, LegalClocks clocks, Clock clock) {
        this.store = store;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** One page of the board. */
    public record Page(List<DeadlineView> clocks, int page, int size, long total) {
    }

    /**
     * @param status  one status, or null for every running clock
     * @param partner the holding partner, or null for all
     */
    public Page page(ClockStatus status, String partner, int page, int size) {
        return new Page(store.board(status, partner, page, size).stream().map(DeadlineView::asStored).toList(), page,
                size, store.boardCount(status, partner));
    }

    /** Running clocks missed and due soon, for the dashboard's tiles. */
    public long count(ClockStatus status) {
        return store.boardCount(status, null);
    }

    /** The case's clocks counted now, in the order they started. */
    public List<DeadlineView> ofCase(String gatewayRef) {
        return store.ofCase(gatewayRef).stream()
                .map(stored -> DeadlineView.of(stored, clocks.read(stored.state(), clock.instant())))
                .toList();
    }
}
