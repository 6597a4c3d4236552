package io.oranric.e2.sm;

import io.oranric.e2.protocol.Cause;

/** An E2SM payload we could not read or build; carries the E2AP cause to report. */
public final class ServiceModelException extends Exception {
  private final Cause e2apCause;

  public ServiceModelException(String message, Cause e2apCause, Throwable cause) {
    super(message, cause);
    this.e2apCause = e2apCause;
  }

  public ServiceModelException(String message, Cause e2apCause) {
    this(message, e2apCause, null);
  }

  public Cause e2apCause() {
    return e2apCause;
  }
}
