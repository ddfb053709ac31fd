package com.callpermissionledger.audit;

/** The result of recomputing hash chains: {@code firstBrokenSequence} is null when every event matches. */
public record ChainVerdict(boolean valid, long checked, Long firstBrokenSequence, String firstBrokenStream) {
}
