package com.callpermissionledger.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar call-permission-ledger.jar audit <command> [options]}: the auditor's tools against the
 * configured database, without the web server, the expiry sweeper or the projection processor, so
 * running them writes nothing to the ledger. See docs/audit.md.
 */
public final class AuditCommandLine {

    static final String USAGE = """
            usage: audit <command> [options] [--spring.datasource.url=...]
              history --business=B --user=U            the pair's events, one JSON object per line
              export [--business=B] [--from=I] [--to=I] every event (of a business), NDJSON
              verify [--business=B --user=U]           recompute hash chains (one pair, or all); exit 1 if broken
              state --business=B --user=U [--at=I]     the call-permission answer, now or at a past instant I
            """;

    private AuditCommandLine() {
    }

    /** {@code application}: the application class to start without its web server (the root package's). */
    public static void main(Class<?> application, String[] args) {
        System.exit(run(application, args, System.out, System.err));
    }

    /** Runs one audit command; answers the process exit code (0 fine, 1 chain broken, 2 usage). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !AuditCommands.NAMES.contains(args[0])) {
            err.print(USAGE);
            return 2;
        }
        List<String> springArgs = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--logging.level.root=ERROR", "--spring.flyway.enabled=false"));
        Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--ledger.")).forEach(springArgs::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).profiles("audit").logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            return context.getBean(AuditCommands.class).execute(args[0], AuditOptions.parse(args), out);
        } catch (AuditOptions.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }
}
