package com.callpermissionledger.audit;

/** One row of the event table, exactly as stored. */
record StoredEvent(long position, String stream, long sequence, String payloadType, String payloadRevision,
                   String recordedAt, byte[] payload, byte[] metadata) {

    static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, payload_type, payload_revision,"
            + " time_stamp, payload, meta_data";

    static StoredEvent read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBytes(7), rs.getBytes(8));
    }

    String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
