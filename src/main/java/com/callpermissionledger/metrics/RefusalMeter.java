package com.callpermissionledger.metrics;

import com.callpermissionledger.pair.PairOutcome;
import com.callpermissionledger.policy.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.refusals{rule, code}}: every refusal the rules made, counted once its event is committed, so
 * an attempt rolled back by a write conflict and decided again is not counted twice. A rising rate of one
 * rule (say {@code R-CALL-CAP}) is an upstream system calling past the platform's limits.
 */
@Component
public class RefusalMeter implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String NAME = "ledger.refusals";

    private final MeterRegistry registry;

    /** Axon's Spring Boot auto-configuration registers handler interceptor beans with the command bus. */
    public RefusalMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (result instanceof PairOutcome outcome && outcome.decision() instanceof Decision.Refused refused) {
            Counter counter = Counter.builder(NAME)
                    .description("Refusals recorded by the rules, by rule id and refusal code")
                    .tag("rule", refused.refusal().rule().id())
                    .tag("code", refused.refusal().code().name())
                    .register(registry);
            unitOfWork.afterCommit(u -> counter.increment());
        }
        return result;
    }
}
