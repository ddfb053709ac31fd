package com.callpermissionledger.benchmark;

/**
 * One line of the report. A rate row has {@code perSecond} and the latencies; a measurement row (bytes,
 * megabytes, a ratio) has only {@code value}. {@code ofLimit} is the rate as a share of the storage limit
 * measured with the same store and the same number of clients in the same run.
 */
record Row(String store, String section, String what, Integer clients, Double perSecond, Double p50Millis,
           Double p99Millis, Double p999Millis, Double ofLimit, String value, String note) {

    static Row rate(Store store, String section, String what, int clients, Load.Result result, String note) {
        return new Row(store.name(), section, what, clients, result.perSecond(), result.p50Millis(),
                result.p99Millis(), result.p999Millis(), null, null, note);
    }

    static Row measure(Store store, String section, String what, String value, String note) {
        return new Row(store.name(), section, what, null, null, null, null, null, null, value, note);
    }

    Row ofLimit(double limitPerSecond) {
        return new Row(store, section, what, clients, perSecond, p50Millis, p99Millis, p999Millis,
                perSecond / limitPerSecond, value, note);
    }
}
