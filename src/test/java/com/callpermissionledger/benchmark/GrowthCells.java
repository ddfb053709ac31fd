package com.callpermissionledger.benchmark;

import com.callpermissionledger.policy.PairId;

/**
 * One command on a pair whose history is long: a permanent grant, the calls the cap allows, then refusals,
 * as a hot pair collects all day. Each size gets its own pair; the command measured is another call, which
 * the cap refuses (itself an event), one after the other on one client. The seeder appends around the
 * command path, so the first command finds nothing cached and reads the pair's latest snapshot and the
 * events after it (the whole stream when snapshots are off): its own row.
 */
record GrowthCells(BenchmarkScale scale, BenchmarkReport report) {

    static final String SECTION = "growth";
    private static final int COMMANDS = 50;

    void run(Store store, BenchmarkNode node) throws Exception {
        HistorySeeder seeder = new HistorySeeder(node);
        GatewayPort gateway = new GatewayPort(node);
        Double smallest = null;
        for (int size : scale.growthHistories()) {
            PairId pair = new PairId("77102", Integer.toString(size));
            long seeding = System.nanoTime();
            seeder.hotPair(pair, size);
            String seeded = String.format("seeded in %.1f s", (System.nanoTime() - seeding) / 1e9);
            Load.Result first = Load.sequential(1, n -> gateway.placeCall(pair.business(), pair.user(), "wacid.first"));
            report.add(Row.rate(store, SECTION, "the first command on a pair with " + size + " events, nothing cached",
                    1, first, "read from its snapshot (if any) once"));
            Load.Result command = Load.sequential(COMMANDS,
                    n -> gateway.placeCall(pair.business(), pair.user(), "wacid.g" + n));
            smallest = smallest == null ? command.p50Millis() : smallest;
            report.add(Row.rate(store, SECTION, "a refused call on a pair with " + size + " events", 1, command,
                    String.format("p50 %.1f× the smallest history's; %s", command.p50Millis() / smallest, seeded)));
            report.add(Row.rate(store, SECTION, "status query (in-process) on a pair with " + size + " events", 1,
                    Load.sequential(COMMANDS, n -> gateway.status(pair.business(), pair.user())), null));
        }
    }
}
