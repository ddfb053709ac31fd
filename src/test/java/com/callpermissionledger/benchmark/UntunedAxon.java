package com.callpermissionledger.benchmark;

import com.callpermissionledger.pair.PairAggregate;
import com.callpermissionledger.pair.PairCommandTargetResolver;
import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import java.time.Clock;
import java.util.Map;

/**
 * The out-of-the-box baseline: the same {@link PairAggregate} on Axon as its reference guide configures it,
 * nothing tuned. JPA event store with Axon's own entity mappings (Hibernate creates the tables), the simple
 * command bus, optimistic locking only, no pair lock, hash chain, processors or HTTP. Jackson serializes the
 * events because records need it. Same database URL and durability as the ledger's cells.
 */
final class UntunedAxon implements AutoCloseable {

    private final HikariDataSource dataSource = new HikariDataSource();
    private final LocalContainerEntityManagerFactoryBean entities = new LocalContainerEntityManagerFactoryBean();
    private final Configuration axon;

    UntunedAxon(String jdbcUrl, String user, BusinessTerms terms) {
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(user);
        entities.setDataSource(dataSource);
        entities.setPackagesToScan("org.axonframework.eventsourcing.eventstore.jpa",
                "org.axonframework.eventhandling.tokenstore.jpa", "org.axonframework.modelling.saga.repository.jpa");
        entities.setMappingResources();
        entities.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        entities.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
        entities.afterPropertiesSet();
        EntityManagerFactory factory = entities.getObject();
        Clock clock = Clock.systemUTC();
        BusinessTermsSource source = business -> terms;
        ParameterResolverFactory clockAndTerms = (executable, parameters, index) ->
                parameters[index].getType() == Clock.class ? new FixedValueParameterResolver<>(clock)
                        : parameters[index].getType() == BusinessTermsSource.class ? new FixedValueParameterResolver<>(source)
                        : null;
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        axon = DefaultConfigurer.jpaConfiguration(
                        new SimpleEntityManagerProvider(SharedEntityManagerCreator.createSharedEntityManager(factory)),
                        new SpringTransactionManager(new JpaTransactionManager(factory)))
                .registerComponent(ParameterResolverFactory.class, c -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(PairAggregate.class), clockAndTerms))
                .configureSerializer(c -> serializer)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(PairAggregate.class)
                        .configureCommandTargetResolver(c -> new PairCommandTargetResolver()))
                .buildConfiguration();
        axon.start();
    }

    Configuration configuration() {
        return axon;
    }

    @Override
    public void close() {
        axon.shutdown();
        entities.destroy();
        dataSource.close();
    }
}
