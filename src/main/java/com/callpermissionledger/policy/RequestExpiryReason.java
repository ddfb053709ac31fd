package com.callpermissionledger.policy;

/**
 * Why a permission request stopped being answerable (rule R-REQUEST-EXPIRY), or why it never could be (FAILED).
 * {@code words} is the short marker the dashboard shows ("expired · no response"), {@code meaning} the sentence
 * behind it; both name no number, since the request's life is the policy's ({@code requestExpiry}).
 */
public enum RequestExpiryReason {
    NO_RESPONSE("no response", "no reply within the request's life after its delivery"),
    AFTER_REPLY("after reply", "the request's life after the user's first reply is over"),
    SUPERSEDED("superseded", "the user answered a newer request"),
    FAILED("not delivered", "the platform could not deliver the request");

    private final String words;
    private final String meaning;

    RequestExpiryReason(String words, String meaning) {
        this.words = words;
        this.meaning = meaning;
    }

    public String words() {
        return words;
    }

    public String meaning() {
        return meaning;
    }
}
