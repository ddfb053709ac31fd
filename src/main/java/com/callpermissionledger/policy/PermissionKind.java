package com.callpermissionledger.policy;

public enum PermissionKind { TEMPORARY, PERMANENT }
