package com.callpermissionledger.settings;

import com.callpermissionledger.policy.Policy;

/** Record that {@code policy} is used, with these numbers; {@code asDefault}: as the configured default. */
public record UsePolicy(Policy policy, boolean asDefault) {
}
