package io.oranric.agent.assurance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.audit.IntentAuditor;
import io.oranric.agent.intent.FulfilmentJson;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intent assurance: after activation the agent watches the KPIs each intent is about, reports its
 * fulfilment on {@code ric.intents} (IntentRecord.fulfilment: FULFILLED, DEGRADED or NOT_FULFILLED
 * with each expectation's KPI, scope, target, measurement) and, when an intent stays short for
 * {@code patience} evaluations in a row, proposes an adjustment ({@link Adjuster}) under the same
 * guardrails and approval mode as any proposal: validator, the store's conflict resolution, audit,
 * auto-approve or an operator's {@code ./ric intent approve}.
 */
public final class IntentAssurance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntentAssurance.class);
    private static final ObjectMapper M = new ObjectMapper();
    public static final String ACTOR = "agent/assurance";

    /**
     * @param period   how often every ACTIVE intent is evaluated
     * @param window   the KPI window of one evaluation
     * @param patience evaluations in a row short of FULFILLED before an adjustment is proposed (and again after one)
     */
    public record Options(Duration period, Duration window, int patience) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), Duration.ofSeconds(60), 4);
        }
    }

    /** Told of every report (experience keeps them). */
    public interface Listener {
        void reported(IntentRecord record, List<Policy> policies, FulfilmentEvaluator.Evaluation evaluation);
    }

    private final IntentAgent agent;
    private final KpiSource kpis;
    private final Clock clock;
    private final Options options;
    private final Map<String, Integer> shortStreak = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    public IntentAssurance(IntentAgent agent, KpiSource kpis, Clock clock, Options options) {
        this.agent = agent;
        this.kpis = kpis;
        this.clock = clock;
        this.options = options;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intent-assurance");
            t.setDaemon(true);
            return t;
        });
    }

    /** Evaluates every {@code period} until closed. */
    public IntentAssurance start() {
        long ms = options.period().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                evaluateAll();
            } catch (RuntimeException e) {
                LOG.warn("intent assurance round failed (next round in {} ms): {}", ms, e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** One round over every ACTIVE intent; returns the reports written. */
    public List<IntentRecord> evaluateAll() {
        PolicyGateway gateway = agent.gateway();
        if (gateway == null) {
            return List.of();
        }
        List<PolicyGateway.Stored> stored = gateway.list();
        List<IntentRecord> out = new ArrayList<>();
        for (IntentRecord r : agent.journal().all()) {
            if (r.getState() == IntentState.INTENT_STATE_ACTIVE) {
                evaluate(r, stored).ifPresent(out::add);
            }
        }
        return out;
    }

    public Optional<IntentRecord> evaluate(String intentId) {
        return evaluate(agent.recordOf(intentId), agent.gateway().list());
    }

    private Optional<IntentRecord> evaluate(IntentRecord record, List<PolicyGateway.Stored> stored) {
        String id = record.getIntentId();
        List<Policy> mine = stored.stream().filter(s -> id.equals(s.policy().intentId()) && "ACTIVE".equals(s.status()))
                .map(PolicyGateway.Stored::policy).toList();
        List<Policy> inForce = stored.stream().filter(s -> "ACTIVE".equals(s.status())).map(PolicyGateway.Stored::policy).toList();
        boolean pending = stored.stream().anyMatch(s -> id.equals(s.policy().intentId()) && "PROPOSED".equals(s.status()));
        List<Expectations.Expectation> expectations = Expectations.of(mine, agent.baseContext().inventory());
        if (expectations.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        FulfilmentEvaluator.Evaluation e = FulfilmentEvaluator.evaluate(expectations, kpis, options.window(), now);
        Fulfilment f = e.fulfilment();
        Fulfilment.Status previous = record.hasFulfilment() ? record.getFulfilment().getStatus() : Fulfilment.Status.STATUS_UNSPECIFIED;
        IntentAuditor auditor = new IntentAuditor(agent.audit(), id, ACTOR, clock);
        boolean shortNow = f.getStatus() == Fulfilment.Status.STATUS_NOT_FULFILLED || f.getStatus() == Fulfilment.Status.STATUS_DEGRADED;
        int streak = shortNow ? shortStreak.merge(id, 1, Integer::sum) : 0;
        if (!shortNow) {
            shortStreak.remove(id);
        }
        List<String> addedIds = new ArrayList<>();
        if (shortNow && streak >= options.patience() && !pending) {
            f = adjust(record, e, mine, inForce, f, auditor, addedIds);
            shortStreak.put(id, 0);
        } else if (!record.getFulfilment().getProposalJson().isEmpty() && pending) {
            // the adjustment waits for the operator: keep showing it
            f = f.toBuilder().setProposalJson(record.getFulfilment().getProposalJson()).build();
        }
        IntentRecord.Builder b = record.toBuilder().setFulfilment(f).setUpdatedNs(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        for (String added : addedIds) {
            if (!record.getPolicyIdsList().contains(added)) {
                b.addPolicyIds(added);
            }
        }
        IntentRecord updated = b.build();
        agent.journal().put(updated);
        if (f.getStatus() != previous || !addedIds.isEmpty()) {
            ObjectNode d = FulfilmentJson.of(f);
            auditor.fulfilment("intent " + id + " " + f.getStatus().name().replace("STATUS_", "") + " ("
                    + f.getExpectationsList().stream().filter(x -> x.getMet()).count() + " of " + f.getExpectationsCount()
                    + " expectations met)" + (addedIds.isEmpty() ? "" : "; adjustment proposed: " + addedIds), d);
        }
        for (Listener l : listeners) {
            try {
                l.reported(updated, mine, e);
            } catch (RuntimeException x) {
                LOG.warn("assurance listener failed: {}", x.toString());
            }
        }
        agent.audit().flush();
        return Optional.of(updated);
    }

    private Fulfilment adjust(IntentRecord record, FulfilmentEvaluator.Evaluation e, List<Policy> mine, List<Policy> inForce,
                              Fulfilment f, IntentAuditor auditor, List<String> addedIds) {
        List<Adjuster.Adjustment> adjustments = Adjuster.propose(record.getIntentId(), e, mine, inForce,
                agent.baseContext().validator());
        if (adjustments.isEmpty()) {
            return f;
        }
        ObjectNode proposal = M.createObjectNode();
        proposal.put("reason", "not fulfilled for " + options.patience() + " evaluations in a row");
        proposal.put("approval", agent.approval().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode items = proposal.putArray("adjustments");
        List<PolicyGateway.Decision> activated = new ArrayList<>();
        for (Adjuster.Adjustment a : adjustments) {
            ObjectNode item = items.addObject().put("cell", a.cell()).put("slice", a.slice()).put("why", a.reason());
            if (a.policy() == null) {
                auditor.guardrail(ACTOR, a.reason());
                continue;
            }
            item.set("policy", PolicyJson.toNode(a.policy()));
            PolicyGateway.Decision d = agent.gateway().put(a.policy(), ACTOR);
            auditor.submitted(a.policy(), d);
            if (agent.approval() == IntentAgent.Approval.AUTO && "PROPOSED".equals(d.status())) {
                d = agent.gateway().activate(d.policyId(), "agent (auto-approve)");
                activated.add(d);
            }
            item.put("status", d.status());
            if (d.reason() != null) {
                item.put("storeReason", d.reason());
            }
            if (!d.refused()) {
                addedIds.add(d.policyId());
            }
        }
        if (!activated.isEmpty()) {
            auditor.approval("agent", true, "auto-approve", activated, "assurance adjustment");
        }
        return f.toBuilder().setProposalJson(proposal.toString()).build();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
