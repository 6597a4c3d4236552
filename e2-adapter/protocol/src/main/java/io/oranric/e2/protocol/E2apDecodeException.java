package io.oranric.e2.protocol;

/**
 * A PDU we could not turn into a message. {@link #cause()} is the E2AP cause to answer with: a
 * transfer syntax error when the bytes are not APER of E2AP at all, an abstract syntax error when
 * they decode but break the message's rules (a mandatory IE missing, an unknown procedure).
 * Whatever could be read (procedure, transaction, request id) is kept for the Error Indication.
 */
public final class E2apDecodeException extends Exception {
  private final Cause e2apCause;
  private final Integer transactionId;
  private final RicRequestId requestId;
  private final Integer ranFunctionId;

  public E2apDecodeException(String message, Cause e2apCause, Integer transactionId, RicRequestId requestId,
      Integer ranFunctionId, Throwable cause) {
    super(message, cause);
    this.e2apCause = e2apCause;
    this.transactionId = transactionId;
    this.requestId = requestId;
    this.ranFunctionId = ranFunctionId;
  }

  public static E2apDecodeException transferSyntax(String message, Throwable cause) {
    return new E2apDecodeException(message, Cause.TRANSFER_SYNTAX_ERROR, null, null, null, cause);
  }

  public Cause e2apCause() {
    return e2apCause;
  }

  public Integer transactionId() {
    return transactionId;
  }

  public RicRequestId requestId() {
    return requestId;
  }

  public Integer ranFunctionId() {
    return ranFunctionId;
  }
}
