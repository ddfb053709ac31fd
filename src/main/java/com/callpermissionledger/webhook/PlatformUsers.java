package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.InvalidIdentifierException;
import com.callpermissionledger.policy.PairId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * One user is never two pairs. The platform names a user by phone number ({@code wa_id}) or, without one,
 * by a business-scoped id ({@code US.…}). The first id the ledger sees for a user becomes the pair's user
 * (the phone number when a payload carries both); every id seen together with it is linked to it, per
 * business number, so a later payload naming the user either way reaches the same pair. When a payload names
 * both ids and each already had a pair, the two are tied to the phone number's pair ({@link UserTies}).
 */
@Component
public class PlatformUsers {

    private final JdbcTemplate jdbc;
    private final UserTies ties;

    PlatformUsers(JdbcTemplate jdbc, UserTies ties) {
        this.jdbc = jdbc;
        this.ties = ties;
    }

    /** The pair for the user named by {@code phone} and/or {@code userId}; at least one is needed. */
    public PairId pair(String business, String phone, String userId) {
        PairId.requireValidBusiness(business);
        List<String> ids = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            ids.add(phone.startsWith("+") ? phone.substring(1) : phone);
        }
        if (userId != null && !userId.isBlank()) {
            ids.add(userId);
        }
        if (ids.isEmpty()) {
            throw new BadChangeException("the user is named neither by phone number nor by user id");
        }
        for (String id : ids) {
            new PairId(business, id);
        }
        String user = ids.stream().map(id -> linked(business, id)).filter(u -> u != null).findFirst()
                .orElse(ids.get(0));
        if (ids.size() == 2) {
            String former = linked(business, ids.get(1));
            if (former != null && !former.equals(user)) {
                // the user id and the phone number each had a pair: the phone's pair is the user's from now on
                ties.tie(business, former, user);
            }
        }
        for (String id : ids) {
            link(business, id, user);
        }
        // a concurrent delivery may have linked the first id elsewhere first: its link wins, for both
        String settled = linked(business, ids.get(0));
        return new PairId(business, settled != null ? settled : user);
    }

    private String linked(String business, String id) {
        List<String> users = jdbc.queryForList(
                "select pair_user from webhook_user_link where business = ? and platform_id = ?", String.class,
                business, id);
        return users.isEmpty() ? null : users.get(0);
    }

    private void link(String business, String id, String user) {
        try {
            jdbc.update("insert into webhook_user_link (business, platform_id, pair_user) values (?, ?, ?)",
                    business, id, user);
        } catch (DuplicateKeyException alreadyLinked) {
            // linked before: the first link stands
        }
    }

    static void requireUser(String id) {
        if (id != null && !PairId.USER.matcher(id).matches()) {
            throw new InvalidIdentifierException("user", "not a WhatsApp id or business-scoped user id: " + id);
        }
    }
}
