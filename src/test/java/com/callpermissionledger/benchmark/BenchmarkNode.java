package com.callpermissionledger.benchmark;

import com.callpermissionledger.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** The whole ledger (every processor, the sweeper, the hash chain, the HTTP server) started in this JVM. */
final class BenchmarkNode implements AutoCloseable {

    static final String KEY = "test-admin-key";

    private final ConfigurableApplicationContext context;
    final int port;

    private BenchmarkNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static BenchmarkNode start(List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--logging.level.com.callpermissionledger=WARN", "--server.tomcat.threads.max=200"));
        all.addAll(arguments);
        return new BenchmarkNode(new SpringApplicationBuilder(LedgerApplication.class).run(all.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
