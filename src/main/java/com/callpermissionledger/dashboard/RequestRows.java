package com.callpermissionledger.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestRows extends JpaRepository<RequestRow, RequestRow.Key> {
}
