package com.callpermissionledger.policy;

/** A business number's callback setting; a number never configured is DISABLED, as the platform's NOT_SET. */
public enum CallbackPermission { ENABLED, DISABLED }
