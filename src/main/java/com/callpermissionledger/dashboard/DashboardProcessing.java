package com.callpermissionledger.dashboard;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that skips an event it failed on is silently wrong from then on. The dashboard processor
 * therefore propagates handler failures: the processor backs off and retries the batch from its first event
 * (a batch is one transaction, so nothing of it was kept).
 */
@Configuration
public class DashboardProcessing {

    public static final String PROCESSOR = "dashboard";

    @Bean
    ConfigurerModule dashboardFailuresAreRetried() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSOR, config -> PropagatingErrorHandler.instance());
    }
}
