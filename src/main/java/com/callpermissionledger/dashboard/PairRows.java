package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;

interface PairRows extends JpaRepository<PairRow, String> {
}
