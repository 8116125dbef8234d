package cn.consumerexchange.gateway.search;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param total how many match in all
 * @param page  the page number, from 0
 */
public record ResultPage<T>(long total, int page, int size, List<T> items) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
