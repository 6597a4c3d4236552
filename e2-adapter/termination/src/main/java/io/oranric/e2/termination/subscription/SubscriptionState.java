package io.oranric.e2.termination.subscription;

public enum SubscriptionState { REQUESTED, ACTIVE, FAILED, DELETING }
