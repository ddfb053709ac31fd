package com.callpermissionledger.dashboard;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A dashboard row knows whether it came from the table. Its key is assigned, not generated, so without this
 * Spring Data would take every row as existing and merge it: one SELECT before each INSERT, the larger part
 * of a rebuild's statements (docs/performance.md, change 9).
 */
@MappedSuperclass
abstract class ProjectionRow<K> implements Persistable<K> {

    @Transient
    private boolean stored;

    @PostLoad
    @PrePersist
    void markStored() {
        stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }
}
