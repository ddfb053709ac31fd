package com.callpermissionledger.benchmark;

import com.callpermissionledger.policy.BusinessTerms;

import java.util.List;

/**
 * The same commands-only mix on untuned Axon ({@link UntunedAxon}), on a fresh database of the same store,
 * at every client count; each row says how many times faster the ledger's own commands-only cell was.
 */
record BaselineCells(BenchmarkScale scale, BenchmarkReport report) {

    static final String SECTION = "untuned Axon";

    void run(Store store, String jdbcUrl, String user, BusinessTerms terms) throws Exception {
        try (UntunedAxon untuned = new UntunedAxon(jdbcUrl, user, terms)) {
            // as the ledger's cells, measured once the compiler has settled on this configuration's code
            report.add(WarmUp.of(scale).run(List.of(new CommandMix(new BaselinePort(untuned, terms), "77106",
                    new ZipfPairs(scale.mixPairs()), scale.mixPairs(), false)))
                    .row(store, "untuned Axon: its commands-only mix, unmeasured"));
            int cell = 0;
            for (int clients : scale.clients()) {
                CommandMix mix = new CommandMix(new BaselinePort(untuned, terms), "77105" + cell++,
                        new ZipfPairs(scale.mixPairs()), scale.mixPairs(), false);
                Load.Result result = Load.each(clients, scale.cellMillis(), mix);
                double ledger = report.rate(store, CommandCells.SECTION, "mix " + CommandCells.COMMANDS_ONLY, clients);
                report.add(Row.rate(store, SECTION, "mix commands only, JPA store, defaults", clients, result,
                        String.format("the ledger's commands-only cell: %.2f× this; answers %s", ledger / result.perSecond(),
                                mix.tally())).ofLimit(report.limit(store, clients)));
            }
        }
    }
}
