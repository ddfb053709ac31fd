package com.callpermissionledger.storage;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Axon Server path without a container engine: the profile binds to Axon's
 * own configuration class, and the compose file is valid YAML naming both services.
 */
class AxonServerProfileTest {

    @Test
    void theProfileBindsToAxonServerConfiguration() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("axonserver", new ClassPathResource("application-axonserver.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        AxonServerConfiguration bound = new Binder(ConfigurationPropertySources.get(environment))
                .bind("axon.axonserver", AxonServerConfiguration.class).get();
        assertThat(bound.isEnabled()).isTrue();
        assertThat(bound.getServers()).isEqualTo("localhost:8124");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileNamesAxonServerAndTheLedger() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("axon-server.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            assertThat(services).containsKeys("axonserver", "ledger");
            Map<String, Object> ledger = (Map<String, Object>) services.get("ledger");
            assertThat((Map<String, Object>) ledger.get("environment"))
                    .containsEntry("SPRING_PROFILES_ACTIVE", "axonserver")
                    .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124");
            assertThat(((Map<String, Object>) services.get("axonserver")).get("image").toString()).startsWith("axoniq/axonserver");
        }
    }
}
