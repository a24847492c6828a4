package org.markpoint.marking.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batch marking limits: {@code workers} threads mark answers (bounded, so a large batch cannot starve single marks
 * of CPU); items are stored in chunks of at most {@code chunkItems} items and {@code chunkChars} characters of text
 * (well under MongoDB's 16 MB document limit even at 3 UTF-8 bytes a character, with room for the results).
 */
@ConfigurationProperties("markpoint.batch")
public record BatchProperties(Integer workers, Integer chunkItems, Integer chunkChars, Integer maxItems) {

    public static final int DEFAULT_MAX_ITEMS = 100_000;

    public BatchProperties {
        workers = workers == null || workers < 1 ? 2 : workers;
        chunkItems = chunkItems == null || chunkItems < 1 ? 500 : chunkItems;
        chunkChars = chunkChars == null || chunkChars < 1 ? 2_000_000 : chunkChars;
        maxItems = maxItems == null || maxItems < 1 ? DEFAULT_MAX_ITEMS : maxItems;
    }

    public static BatchProperties defaults() {
        return new BatchProperties(null, null, null, null);
    }
}
