package io.oranric.agent.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.agent.api.IntentIds;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.audit.AuditSink;
import io.oranric.agent.audit.IntentAuditor;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent pipeline: route (offline first, an LLM when needed), guard (the same validator and
 * conflict detector as operator policies, plus the agent's own guardrails), submit to the policy
 * store, record on {@code ric.intents}, audit every step on {@code ric.audit}, and approve: at once
 * ({@link Approval#AUTO}) or when an operator says so ({@link #approve}).
 *
 * <p>Thread-safe: requests may come from the HTTP API, MCP and the assurance loop at once. Each
 * request reads the policies in force when it starts; the store serialises the decisions.
 */
public final class IntentAgent {

    private static final Logger LOG = LoggerFactory.getLogger(IntentAgent.class);
    private static final ObjectMapper M = new ObjectMapper();

    public enum Approval { AUTO, OPERATOR }

    /**
     * @param operator who asks ("operator", "noc-alice", "mcp:claude-desktop")
     * @param channel  how it arrived ("cli", "api", "mcp", "assurance")
     */
    public record Request(String text, String operator, String channel, boolean dryRun) {
        public Request {
            Objects.requireNonNull(text, "text");
            operator = operator == null || operator.isBlank() ? "operator" : operator;
            channel = channel == null ? "api" : channel;
        }
    }

    /** What one request did. {@code route} is null for approvals and for intents read back from the journal. */
    public record Result(Translation translation, TranslatorRouter.Route route, IntentState state,
                         List<PolicyGateway.Decision> decisions, boolean dryRun, String approval, List<String> notes) {
        public Result {
            decisions = List.copyOf(decisions);
            notes = List.copyOf(notes);
        }

        public String intentId() {
            return translation.intentId();
        }
    }

    /** What others (assurance, experience) want to hear about. */
    public interface Listener {
        default void translated(Request request, Result result, NetworkContext context) {
        }

        default void activated(IntentRecord record, List<Policy> policies) {
        }

        default void ended(IntentRecord record) {
        }
    }

    /** Refusal of an approval or rejection in the intent's state (HTTP 409). */
    public static final class NotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotAllowed(String message) {
            super(message);
        }
    }

    private final TranslatorRouter router;
    private final Guard guard;
    private final NetworkContext base;
    private final PolicyGateway gateway;
    private final IntentJournal journal;
    private final AuditSink audit;
    private final Approval approval;
    private final Clock clock;
    private final String localModel;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param base     inventory, envelope and night of the network; its policies in force are replaced
     *                 per request by the store's ACTIVE ones
     * @param gateway  the policy store; null for an agent that only translates (dry runs)
     */
    public IntentAgent(TranslatorRouter router, Guard guard, NetworkContext base, PolicyGateway gateway,
                       IntentJournal journal, AuditSink audit, Approval approval, Clock clock) {
        this.router = Objects.requireNonNull(router);
        this.guard = Objects.requireNonNull(guard);
        this.base = Objects.requireNonNull(base);
        this.gateway = gateway;
        this.journal = journal == null ? new IntentJournal.Memory(false) : journal;
        this.audit = audit == null ? AuditSink.NONE : audit;
        this.approval = approval == null ? Approval.OPERATOR : approval;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.localModel = "grammar+all-MiniLM-L6-v2";
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public Approval approval() {
        return approval;
    }

    public TranslatorRouter router() {
        return router;
    }

    public NetworkContext baseContext() {
        return base;
    }

    public PolicyGateway gateway() {
        return gateway;
    }

    public IntentJournal journal() {
        return journal;
    }

    public AuditSink audit() {
        return audit;
    }

    // ------------------------------------------------------------------ submit

    public Result submit(Request req) {
        Instant now = clock.instant();
        List<String> notes = new ArrayList<>();
        NetworkContext ctx = contextAt(now, notes);
        String intentId = IntentIds.intentId(req.text(), now);
        IntentAuditor auditor = new IntentAuditor(audit, intentId, "agent", clock);
        auditor.received(req.text(), req.operator(), req.channel(), req.dryRun());

        TranslatorRouter.Route route = router.route(req.text(), ctx, auditor);
        auditor.routed(route);
        Translation t = guard.review(route.translation(), intentId, ctx, auditor);
        auditor.reviewed(t, modelOf(t.translator()));

        List<PolicyGateway.Decision> decisions = new ArrayList<>();
        IntentState state;
        if (!t.understood()) {
            state = IntentState.INTENT_STATE_NEEDS_CLARIFICATION;
        } else if (t.policies().isEmpty()) {
            state = IntentState.INTENT_STATE_REJECTED;
        } else if (req.dryRun()) {
            state = IntentState.INTENT_STATE_RECEIVED;
        } else {
            state = submitAll(t, req, auditor, decisions, notes);
        }
        Result result = new Result(t, route, state, decisions, req.dryRun(), approval.name().toLowerCase(java.util.Locale.ROOT), notes);
        if (!req.dryRun()) {
            IntentRecord record = record(req, result, now, null);
            try {
                journal.put(record);
            } catch (RuntimeException e) {
                notes.add("not recorded on ric.intents: " + e.getMessage());
                LOG.warn("intent {} not recorded: {}", intentId, e.toString());
            }
            if (state == IntentState.INTENT_STATE_ACTIVE) {
                List<Policy> active = activePolicies(t, decisions);
                listeners.forEach(l -> safely(() -> l.activated(record, active)));
            }
        }
        Result done = new Result(t, route, state, decisions, req.dryRun(), result.approval(), notes);
        listeners.forEach(l -> safely(() -> l.translated(req, done, ctx)));
        audit.flush();
        return done;
    }

    private IntentState submitAll(Translation t, Request req, IntentAuditor auditor, List<PolicyGateway.Decision> decisions,
                                  List<String> notes) {
        if (gateway == null) {
            notes.add("no policy store configured: nothing submitted");
            return IntentState.INTENT_STATE_RECEIVED;
        }
        String actor = "agent/" + req.operator();
        for (Policy p : t.policies()) {
            PolicyGateway.Decision d = gateway.submit(p, actor);
            decisions.add(d);
            auditor.submitted(p, d);
        }
        if (approval == Approval.AUTO) {
            List<PolicyGateway.Decision> activated = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                PolicyGateway.Decision d = decisions.get(i);
                if ("PROPOSED".equals(d.status())) {
                    PolicyGateway.Decision a = gateway.activate(d.policyId(), "agent (auto-approve)");
                    decisions.set(i, a);
                    activated.add(a);
                } else if ("ACTIVE".equals(d.status())) {
                    activated.add(d);
                }
            }
            if (!activated.isEmpty()) {
                auditor.approval("agent", true, "auto-approve", activated, null);
            }
        }
        return stateOf(decisions);
    }

    static IntentState stateOf(List<PolicyGateway.Decision> decisions) {
        if (decisions.stream().anyMatch(d -> "ACTIVE".equals(d.status()))) {
            return IntentState.INTENT_STATE_ACTIVE;
        }
        if (decisions.stream().anyMatch(d -> "PROPOSED".equals(d.status()))) {
            return IntentState.INTENT_STATE_PROPOSED;
        }
        return IntentState.INTENT_STATE_REJECTED;
    }

    // ------------------------------------------------------------------ approve / reject

    public Result approve(String intentId, String by) {
        IntentRecord r = recordOf(intentId);
        requireGateway();
        List<String> toActivate;
        if (r.getState() == IntentState.INTENT_STATE_PROPOSED) {
            toActivate = r.getPolicyIdsList();
        } else if (r.getState() == IntentState.INTENT_STATE_ACTIVE) {
            // an ACTIVE intent may wait for approval of an assurance adjustment
            toActivate = gateway.list().stream().filter(s -> intentId.equals(s.policy().intentId()) && "PROPOSED".equals(s.status()))
                    .map(s -> s.policy().policyId()).toList();
            if (toActivate.isEmpty()) {
                throw new NotAllowed("intent " + intentId + " is ACTIVE and has no proposal waiting for approval");
            }
        } else {
            throw new NotAllowed("intent " + intentId + " is " + stateName(r.getState()) + ": only a PROPOSED intent can be approved");
        }
        IntentAuditor auditor = new IntentAuditor(audit, intentId, by, clock);
        List<PolicyGateway.Decision> decisions = new ArrayList<>();
        for (String id : toActivate) {
            decisions.add(gateway.activate(id, by));
        }
        auditor.approval(by, true, "operator", decisions, null);
        IntentState state = stateOf(decisions);
        Translation t = translationOf(r);
        IntentRecord updated = r.toBuilder().setState(state).setUpdatedNs(nanos(clock.instant())).build();
        journal.put(updated);
        if (state == IntentState.INTENT_STATE_ACTIVE) {
            List<Policy> active = activePolicies(t, decisions);
            listeners.forEach(l -> safely(() -> l.activated(updated, active)));
        }
        audit.flush();
        return new Result(t, null, state, decisions, false, "operator", List.of());
    }

    public Result reject(String intentId, String reason, String by) {
        IntentRecord r = recordOf(intentId);
        if (r.getState() != IntentState.INTENT_STATE_PROPOSED && r.getState() != IntentState.INTENT_STATE_ACTIVE) {
            throw new NotAllowed("intent " + intentId + " is " + stateName(r.getState()) + ": nothing to reject");
        }
        requireGateway();
        IntentAuditor auditor = new IntentAuditor(audit, intentId, by, clock);
        List<PolicyGateway.Decision> decisions = new ArrayList<>();
        String why = reason == null || reason.isBlank() ? "intent " + intentId + " rejected by " + by : reason;
        for (String id : r.getPolicyIdsList()) {
            decisions.add(gateway.reject(id, why, by));
        }
        auditor.approval(by, false, "operator", decisions, why);
        IntentRecord updated = r.toBuilder().setState(IntentState.INTENT_STATE_REJECTED).setUpdatedNs(nanos(clock.instant())).build();
        journal.put(updated);
        listeners.forEach(l -> safely(() -> l.ended(updated)));
        audit.flush();
        return new Result(translationOf(r), null, IntentState.INTENT_STATE_REJECTED, decisions, false, "operator", List.of());
    }

    /** The intent as recorded; falls back to the policy store's policies of that intent when no journal has it. */
    public IntentRecord recordOf(String intentId) {
        return journal.get(intentId).or(() -> fromStore(intentId))
                .orElseThrow(() -> new NoSuchElementException("no intent " + intentId));
    }

    private java.util.Optional<IntentRecord> fromStore(String intentId) {
        if (gateway == null) {
            return java.util.Optional.empty();
        }
        List<PolicyGateway.Stored> mine = gateway.list().stream()
                .filter(s -> intentId.equals(s.policy().intentId())).toList();
        if (mine.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Policy> policies = mine.stream().map(PolicyGateway.Stored::policy).toList();
        List<PolicyGateway.Decision> ds = mine.stream()
                .map(s -> new PolicyGateway.Decision(s.policy().policyId(), s.policy().version(), s.status(), null)).toList();
        Translation t = new Translation(intentId, "", "unknown", 0, policies, List.of(), null, List.of(), List.of());
        IntentRecord.Builder b = IntentRecord.newBuilder().setIntentId(intentId).setState(stateOf(ds))
                .setTranslationJson(AgentJson.translation(t).toString());
        policies.forEach(p -> b.addPolicyIds(p.policyId()));
        return java.util.Optional.of(b.build());
    }

    // ------------------------------------------------------------------ records

    IntentRecord record(Request req, Result r, Instant now, IntentRecord previous) {
        Translation t = r.translation();
        IntentRecord.Builder b = IntentRecord.newBuilder().setIntentId(t.intentId()).setText(req.text())
                .setOperator(req.operator()).setTranslator(t.translator()).setConfidence(t.confidence())
                .setTranslationJson(AgentJson.result(r).toString()).setState(r.state())
                .setCreatedNs(previous != null ? previous.getCreatedNs() : nanos(now)).setUpdatedNs(nanos(now));
        if (t.clarification() != null) {
            b.setClarification(t.clarification());
        }
        if (r.decisions().isEmpty()) {
            t.policies().forEach(p -> b.addPolicyIds(p.policyId()));
        } else {
            r.decisions().stream().filter(d -> !d.refused()).forEach(d -> b.addPolicyIds(d.policyId()));
        }
        return b.build();
    }

    /** The translation an intent record carries (its contract JSON). */
    public static Translation translationOf(IntentRecord r) {
        List<Policy> policies = new ArrayList<>();
        try {
            JsonNode n = M.readTree(r.getTranslationJson());
            for (JsonNode p : n.path("policies")) {
                policies.add(PolicyJson.fromNode(p));
            }
        } catch (Exception e) {
            // a record we cannot read back still names its intent; its policies stay with the store
        }
        String clarification = r.getClarification().isEmpty() ? null : r.getClarification();
        if (clarification != null) {
            return Translation.clarify(r.getIntentId(), r.getText(), r.getTranslator(), r.getConfidence(), clarification, List.of());
        }
        return new Translation(r.getIntentId(), r.getText(), r.getTranslator(), r.getConfidence(), policies, List.of(), null,
                List.of(), List.of());
    }

    private static List<Policy> activePolicies(Translation t, List<PolicyGateway.Decision> decisions) {
        List<Policy> out = new ArrayList<>();
        for (Policy p : t.policies()) {
            boolean active = decisions.stream().anyMatch(d -> d.policyId().equals(p.policyId()) && "ACTIVE".equals(d.status()));
            if (active || decisions.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The network as the store sees it now: inventory and envelope, with the policies in force. */
    public NetworkContext contextAt(Instant now, List<String> notes) {
        List<Policy> inForce = List.of();
        if (gateway != null) {
            try {
                inForce = gateway.active();
            } catch (PolicyGateway.Unavailable e) {
                notes.add("policies in force unknown (" + e.getMessage() + "): checked against the envelope only");
            }
        }
        return new NetworkContext(base.inventory(), base.envelope(), inForce, Clock.fixed(now, base.zone()), base.night());
    }

    private String modelOf(String translator) {
        if ("local".equals(translator)) {
            return localModel;
        }
        int slash = translator.indexOf('/');
        return slash > 0 ? translator.substring(slash + 1) : translator;
    }

    private void requireGateway() {
        if (gateway == null) {
            throw new IllegalStateException("no policy store configured");
        }
    }

    static String stateName(IntentState s) {
        return s.name().replace("INTENT_STATE_", "");
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("intent listener failed: {}", e.toString(), e);
        }
    }
}
