package io.oranric.e2.sm.kpm;

/**
 * One E2SM-KPM MatchingCondItem: either a label the values must carry or a test on the UE, with an
 * optional logical OR to the next condition.
 */
public record MatchCondition(KpmLabel label, TestCondition test, boolean orNext) {
  public MatchCondition {
    if ((label == null) == (test == null)) {
      throw new IllegalArgumentException("a matching condition is either a label or a test condition");
    }
  }

  public static MatchCondition of(KpmLabel label) {
    return new MatchCondition(label, null, false);
  }

  public static MatchCondition of(TestCondition test) {
    return new MatchCondition(null, test, false);
  }
}
