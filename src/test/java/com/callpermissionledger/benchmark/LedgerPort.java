package com.callpermissionledger.benchmark;

/**
 * How a mix step reaches a ledger: through the command gateway in-process, over real HTTP, or through the
 * untuned baseline. Each answers a label for the tally ("recorded", "refused", "201", "429", ...), and
 * throws on an answer no client should ever see (a 5xx, an exception).
 */
interface LedgerPort {

    String status(String business, String user) throws Exception;

    String request(String business, String user, String requestId) throws Exception;

    String delivered(String business, String user, String requestId) throws Exception;

    String reply(String business, String user, String requestId) throws Exception;

    String grant(String business, String user) throws Exception;

    String placeCall(String business, String user, String callId) throws Exception;

    String outcome(String business, String user, String callId) throws Exception;
}
