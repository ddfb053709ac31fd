package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRows extends JpaRepository<TimelineRow, TimelineRow.Key> {
}
