package io.oranric.e2.termination.sink;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.RcReport;

/**
 * Where the termination puts what it learns. The Kafka sink is the durable record; the direct
 * sink feeds xApps in the same process without a broker hop. Calls may come from any thread.
 */
public interface TerminationSink {
  void node(E2Node node);

  /** A node was removed (E2 Removal): the registry forgets it. */
  void nodeRemoved(String nodeKey);

  void kpm(KpmReport report);

  void rc(RcReport report);

  void outcome(ControlOutcome outcome);

  /** Fans out to several sinks. */
  static TerminationSink all(TerminationSink... sinks) {
    return new TerminationSink() {
      @Override
      public void node(E2Node node) {
        for (TerminationSink s : sinks) {
          s.node(node);
        }
      }

      @Override
      public void nodeRemoved(String nodeKey) {
        for (TerminationSink s : sinks) {
          s.nodeRemoved(nodeKey);
        }
      }

      @Override
      public void kpm(KpmReport report) {
        for (TerminationSink s : sinks) {
          s.kpm(report);
        }
      }

      @Override
      public void rc(RcReport report) {
        for (TerminationSink s : sinks) {
          s.rc(report);
        }
      }

      @Override
      public void outcome(ControlOutcome outcome) {
        for (TerminationSink s : sinks) {
          s.outcome(outcome);
        }
      }
    };
  }
}
