package io.oranric.e2.sm;

/** The E2 service models the termination understands, by what they do. */
public enum ServiceModel {
  KPM("ORAN-E2SM-KPM"),
  RC("ORAN-E2SM-RC"),
  CCC("ORAN-E2SM-CCC"),
  OTHER("");

  private final String shortName;

  ServiceModel(String shortName) {
    this.shortName = shortName;
  }

  public String shortName() {
    return shortName;
  }
}
