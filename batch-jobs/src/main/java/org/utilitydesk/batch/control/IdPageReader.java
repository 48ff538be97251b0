package org.utilitydesk.batch.control;

/** A {@link KeysetReader} of plain ids, a thousand at a time. */
public abstract class IdPageReader extends KeysetReader<Long> {

    protected IdPageReader() {
        super(1_000);
    }

    @Override
    protected long keyOf(Long id) {
        return id;
    }
}
