package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CallRows extends JpaRepository<CallRow, EventRowKey> {

    /** The attempt an outcome belongs to: the latest placed (not refused) call with that id. */
    Optional<CallRow> findFirstByPairIdAndCallIdAndDirectionAndRefusedFalseOrderBySequenceDesc(
            String pairId, String callId, String direction);
}
