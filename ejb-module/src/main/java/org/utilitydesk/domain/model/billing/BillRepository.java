package org.utilitydesk.domain.model.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Finds bills. */
public interface BillRepository {

    Optional<Bill> find(long id);

    /** Ids above {@code afterId} of issued or part-paid bills due before {@code day}, ascending, at most {@code max}. */
    List<Long> findIdsFallingOverdue(LocalDate day, long afterId, int max);

    /** Writes pending changes of the bills handled in this transaction now, so conflicts surface here. */
    void flush();
}
