package com.callpermissionledger.policy.state;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;

import java.time.Instant;

/** The permission a pair holds; {@code expiresAt} is null for a permanent one. */
public record PermissionGrant(GrantSource source, PermissionKind kind, Instant grantedAt, Instant expiresAt,
                              String reference, String policy) {

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public boolean isPermanent() {
        return kind == PermissionKind.PERMANENT;
    }
}
