package com.example.localcloud.momento;

import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in force on the local Momento server. Tests call it in-process; its methods take
 * and return plain values so an admin HTTP endpoint can map onto it one to one:
 *
 * <ul>
 *   <li>{@code POST  .../faults?rpc=Get&status=UNAVAILABLE&times=3} -> {@code add(FaultRule.fromParameters(query))}
 *   <li>{@code GET   .../faults} -> {@link #active()} (records, JSON-friendly)
 *   <li>{@code DELETE .../faults/{id}} -> {@link #remove(long)}; {@code DELETE .../faults} -> {@link #clear()}
 * </ul>
 *
 * <p>One rule per call. When several match it, a rule that fails calls comes before one that only
 * delays them (e.g. the load test's simulated network time, installed first), so a failure added
 * during a demo applies at once; among those of one kind, the oldest with calls left.
 */
public final class FaultInjector {

    /**
     * A snapshot of an installed rule.
     *
     * @param remaining calls left, or {@link FaultRule#UNTIL_CLEARED}
     * @param injected calls this rule has failed or delayed so far
     */
    public record ActiveFault(
            long id, List<String> rpcs, String failure, long delayMillis, int remaining, long injected) {}

    private static final class Installed {
        final long id;
        final FaultRule rule;
        final AtomicInteger remaining;
        final AtomicLong injected = new AtomicLong();

        Installed(long id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.remaining = new AtomicInteger(rule.times());
        }

        /** Takes one call from this rule's budget; false when the budget is spent. */
        boolean tryClaim() {
            while (true) {
                int left = remaining.get();
                if (left == FaultRule.UNTIL_CLEARED) {
                    break;
                }
                if (left == 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    break;
                }
            }
            injected.incrementAndGet();
            return true;
        }

        ActiveFault snapshot() {
            return new ActiveFault(
                    id,
                    rule.rpcs().stream().sorted().toList(),
                    rule.failure().map(Enum::name).orElse(null),
                    rule.delay().toMillis(),
                    remaining.get(),
                    injected.get());
        }
    }

    private final List<Installed> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);

    /** Installs the rule; returns its id (for {@link #remove(long)}). */
    public long add(FaultRule rule) {
        if (!rule.doesSomething()) {
            throw new IllegalArgumentException("A fault rule needs failWith(status) and/or delayBy(duration): " + rule);
        }
        Installed installed = new Installed(nextId.getAndIncrement(), rule);
        rules.add(installed);
        return installed.id;
    }

    public boolean remove(long id) {
        return rules.removeIf(r -> r.id == id);
    }

    /** Removes every rule: all calls behave normally again. */
    public void clear() {
        rules.clear();
    }

    /** The rules still in force, oldest first. */
    public List<ActiveFault> active() {
        return rules.stream().map(Installed::snapshot).toList();
    }

    /** The rule to apply to this call, if any; counts the call against that rule's budget. */
    Optional<FaultRule> claim(MethodDescriptor<?, ?> method) {
        Optional<FaultRule> failure = claim(method, true);
        return failure.isPresent() ? failure : claim(method, false);
    }

    private Optional<FaultRule> claim(MethodDescriptor<?, ?> method, boolean failing) {
        for (Installed installed : rules) {
            if (installed.rule.failure().isPresent() == failing && installed.rule.matches(method) && installed.tryClaim()) {
                if (installed.remaining.get() == 0) {
                    rules.remove(installed); // used up
                }
                return Optional.of(installed.rule);
            }
        }
        return Optional.empty();
    }
}
