package com.callpermissionledger.dashboard;

import java.util.List;

/** One page of a listing; {@code total} counts every row that matches the filters. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
