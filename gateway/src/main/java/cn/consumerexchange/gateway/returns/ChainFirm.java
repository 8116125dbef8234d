package cn.consumerexchange.gateway.returns;

import java.util.List;
import java.util.Optional;

/**
 * A chain firm or brand (连锁企业) that committed to cross-store returns (异地异店退换货): its stores in several
 * regions, its no-reason return commitment, and the advance-payment schemes it belongs to.
 *
 * @param schemes ids of the advance-payment schemes the firm is a member of
 */
public record ChainFirm(String id, String name, String brand, String creditCode, ReturnCommitment commitment,
        List<String> schemes, List<FirmStore> stores) {

    public ChainFirm {
        schemes = List.copyOf(schemes);
        stores = List.copyOf(stores);
    }

    public Optional<FirmStore> store(String code) {
        return stores.stream().filter(store -> store.code().equals(code)).findFirst();
    }
}
