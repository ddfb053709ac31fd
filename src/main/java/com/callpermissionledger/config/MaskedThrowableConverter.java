package com.callpermissionledger.config;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %maskedEx}: stack traces with user ids masked, since exception messages may name a pair. */
public class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PersonalDataMask.mask(super.throwableProxyToString(tp));
    }
}
