package com.callpermissionledger.webhook;

import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.PairCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Ties a business-scoped user id that had a pair of its own to the phone number's pair, once a payload names
 * both (docs/webhooks.md, "Who the user is"): the former pair's facts are reported to the phone's pair, dated
 * when they happened, then every id of the former pair is linked to the phone's pair, and the tie is recorded.
 */
@Component
class UserTies {

    private final JdbcTemplate jdbc;
    private final PairHistory history;
    private final PairLedger ledger;

    UserTies(JdbcTemplate jdbc, PairHistory history, PairLedger ledger) {
        this.jdbc = jdbc;
        this.history = history;
        this.ledger = ledger;
    }

    /**
     * Facts first, links after: a failure in between leaves the former link in place, so the platform's retry
     * ties again, and the facts already carried are duplicates that change nothing.
     */
    void tie(String business, String formerUser, String pairUser) {
        List<PairCommand> facts = TiedFacts.carried(new PairId(business, pairUser),
                history.events(new PairId(business, formerUser)));
        for (PairCommand fact : facts) {
            ledger.handle(fact);   // a fact the rules refuse or reject there is decided as it would be if reported
        }
        jdbc.update("update webhook_user_link set pair_user = ? where business = ? and pair_user = ?",
                pairUser, business, formerUser);
        String stream = WebhookChangeLog.idOf(business);
        ledger.send(stream, new RecordUserTie(stream, business, formerUser, pairUser, facts.size()));
    }
}
