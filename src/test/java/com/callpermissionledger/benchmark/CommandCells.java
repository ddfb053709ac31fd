package com.callpermissionledger.benchmark;

import javax.sql.DataSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per client count: the storage limit (plain JDBC on the ledger's own connection pool), then the realistic
 * mix through the command gateway and over HTTP, each on a business of its own so every cell starts on
 * fresh pairs. Each ledger row also carries its share of the storage limit. The limit's table is dropped
 * afterwards: the disk section measures the ledger's own data.
 */
record CommandCells(BenchmarkScale scale, BenchmarkReport report) {

    static final String SECTION = "command mix";
    /** The mix without status queries, through the gateway: what the untuned baseline is compared with. */
    static final String COMMANDS_ONLY = "commands only, through the command gateway";

    void run(Store store, BenchmarkNode node) throws Exception {
        StorageLimit limit = new StorageLimit(node.bean(DataSource.class));
        limit.prepare();
        warmUp(store, node);
        int cell = 0;
        for (int clients : scale.clients()) {
            report.add(Row.rate(store, StorageLimit.SECTION, "plain JDBC: one ~250-byte event row per commit", clients,
                    Load.each(clients, scale.cellMillis(), limit::insertOne), null));
            double perSecond = report.limit(store, clients);
            mix(store, clients, COMMANDS_ONLY, new GatewayPort(node), "77101" + cell++, perSecond, false);
            mix(store, clients, "through the command gateway", new GatewayPort(node), "77101" + cell++, perSecond, true);
            mix(store, clients, "over HTTP", new HttpPort(node.port), "77101" + cell++, perSecond, true);
        }
        limit.drop();
    }

    /** The first cells would otherwise measure class loading and the JIT compiler; these answers are not reported. */
    private void warmUp(Store store, BenchmarkNode node) throws Exception {
        List<Load.Operation> mixes = Stream.of(new GatewayPort(node), new HttpPort(node.port))
                .map(port -> (Load.Operation) new CommandMix(port, "77100", new ZipfPairs(scale.mixPairs()),
                        scale.mixPairs(), true)).toList();
        report.add(WarmUp.of(scale).run(mixes).row(store, "the mix through the gateway and over HTTP in turn, unmeasured"));
    }

    private void mix(Store store, int clients, String how, LedgerPort port, String business, double limit,
                     boolean withQueries) throws Exception {
        CommandMix mix = new CommandMix(port, business, new ZipfPairs(scale.mixPairs()), scale.mixPairs(), withQueries);
        Load.Result result = Load.each(clients, scale.cellMillis(), mix);
        report.add(Row.rate(store, SECTION, "mix " + how + ", " + scale.mixPairs() + " Zipf pairs", clients, result,
                "answers " + mix.tally()).ofLimit(limit));
    }
}
