package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefusedRequestRows extends JpaRepository<RefusedRequestRow, EventRowKey> {
}
