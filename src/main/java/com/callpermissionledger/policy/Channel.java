package com.callpermissionledger.policy;

/** How a permission request reached the user; both kinds count toward the same request windows. */
public enum Channel { FREE_FORM, TEMPLATE }
