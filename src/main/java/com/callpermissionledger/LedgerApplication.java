package com.callpermissionledger;

import com.callpermissionledger.cli.AuditCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApplication {

    /** Starts the service; {@code audit <command>} runs an auditor's command instead (docs/audit.md). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            AuditCommandLine.main(LedgerApplication.class, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
