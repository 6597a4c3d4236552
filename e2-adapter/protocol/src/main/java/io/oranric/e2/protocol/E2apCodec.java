package io.oranric.e2.protocol;

/**
 * Encodes and decodes E2AP PDUs of one wire version into the version-independent message model.
 * Implementations are stateless and thread safe.
 */
public interface E2apCodec {
  E2apVersion version();

  /**
   * @throws E2apDecodeException when the bytes are not a PDU of this version, or a PDU of a
   *     procedure or shape we do not handle; it says which, so the caller can pick the cause
   */
  E2apMessage decode(byte[] pdu) throws E2apDecodeException;

  byte[] encode(E2apMessage message);
}
