package com.example.workshop.tools.activity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Made-up activity of a few users in a few organizations. Users and organizations are picked at
 * random (repeatably, from a seed), so the same ones come back again and again: what makes the
 * consumer's cache hit after its first miss of each.
 */
public final class ActivityEvents {
    static final List<String> ACTIONS = List.of("signed-in", "viewed-dashboard", "updated-profile", "exported-report",
            "invited-member");

    private final List<String> usernames;
    private final List<String> organizations;
    private final Random random;
    private final Clock clock;

    public ActivityEvents(List<String> usernames, List<String> organizations, long seed, Clock clock) {
        if (usernames.isEmpty() || organizations.isEmpty()) {
            throw new IllegalArgumentException("Activity needs at least one user and one organization");
        }
        this.usernames = List.copyOf(usernames);
        this.organizations = List.copyOf(organizations);
        this.random = new Random(seed);
        this.clock = clock;
    }

    /** The users {@code activity-user-01 ...} the producer creates. */
    public static List<String> usernames(int count) {
        return names("activity-user-", count);
    }

    /** The organizations {@code activity-org-01 ...} the producer creates (names are their own slugs). */
    public static List<String> organizations(int count) {
        return names("activity-org-", count);
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(String.format(Locale.ROOT, "%s%02d", prefix, i));
        }
        return names;
    }

    /** The next {@code count} events; every event id is new (a random UUID), so reruns add events. */
    public List<ActivityEvent> next(int count) {
        List<ActivityEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new ActivityEvent(UUID.randomUUID().toString(),
                    usernames.get(random.nextInt(usernames.size())),
                    organizations.get(random.nextInt(organizations.size())),
                    ACTIONS.get(random.nextInt(ACTIONS.size())),
                    clock.instant().toString()));
        }
        return events;
    }
}
