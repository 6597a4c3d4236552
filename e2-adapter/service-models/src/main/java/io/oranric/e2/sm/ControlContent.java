package io.oranric.e2.sm;

/** The E2SM control header and message for one control request, and the RAN function to send to. */
public record ControlContent(int ranFunctionId, byte[] header, byte[] message, String description) {}
