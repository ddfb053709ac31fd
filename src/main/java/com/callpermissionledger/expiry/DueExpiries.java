package com.callpermissionledger.expiry;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

public interface DueExpiries extends JpaRepository<DueExpiry, DueExpiry.Key> {

    @Query("select d.pairId from DueExpiry d where d.dueAt <= :now group by d.pairId order by min(d.dueAt)")
    List<String> pairsDueBy(Instant now, Pageable page);

    @Transactional
    @Modifying
    @Query("delete from DueExpiry d where d.pairId = :pairId and d.dueAt <= :now")
    int deleteDueBy(String pairId, Instant now);
}
