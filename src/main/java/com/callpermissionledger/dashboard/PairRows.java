package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface PairRows extends JpaRepository<PairRow, String> {

    /**
     * The rows of these pairs. A declared query, so Hibernate translates it once; {@code findAllById} builds a
     * criteria query, translated again on every call.
     */
    @Query("select p from PairRow p where p.pairId in :pairs")
    List<PairRow> findAllOf(Collection<String> pairs);
}
