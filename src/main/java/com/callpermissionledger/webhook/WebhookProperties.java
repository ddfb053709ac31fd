package com.callpermissionledger.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.webhooks.*}. With {@code app-secret} set, a delivery is authentic when its
 * {@code X-Hub-Signature-256} matches, and needs no API key; without it, the endpoint needs an UPSTREAM key.
 * {@code verify-token} answers the platform's GET handshake; without it the handshake is refused.
 */
@Validated
@ConfigurationProperties("ledger.webhooks")
public class WebhookProperties {

    private String appSecret;
    private String verifyToken;

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public boolean signed() {
        return appSecret != null && !appSecret.isBlank();
    }
}
