package io.oranric.e2.codec;

import java.util.Map;

/**
 * The places where E2AP carries an E2SM value as an opaque OCTET STRING, with the E2AP type that holds
 * it and the E2SM type of each service model set.
 */
public enum E2smRole {
    EVENT_TRIGGER("RICeventTriggerDefinition", Map.of(
            Asn1Set.KPM2, "E2SM-KPM-EventTriggerDefinition", Asn1Set.KPM3, "E2SM-KPM-EventTriggerDefinition",
            Asn1Set.RC1, "E2SM-RC-EventTrigger", Asn1Set.CCC1, "E2SM-CCC-RICEventTriggerDefinition")),
    ACTION_DEFINITION("RICactionDefinition", Map.of(
            Asn1Set.KPM2, "E2SM-KPM-ActionDefinition", Asn1Set.KPM3, "E2SM-KPM-ActionDefinition",
            Asn1Set.RC1, "E2SM-RC-ActionDefinition", Asn1Set.CCC1, "E2SM-CCC-RICActionDefinition")),
    INDICATION_HEADER("RICindicationHeader", Map.of(
            Asn1Set.KPM2, "E2SM-KPM-IndicationHeader", Asn1Set.KPM3, "E2SM-KPM-IndicationHeader",
            Asn1Set.RC1, "E2SM-RC-IndicationHeader", Asn1Set.CCC1, "E2SM-CCC-RIC-Indication-Header")),
    INDICATION_MESSAGE("RICindicationMessage", Map.of(
            Asn1Set.KPM2, "E2SM-KPM-IndicationMessage", Asn1Set.KPM3, "E2SM-KPM-IndicationMessage",
            Asn1Set.RC1, "E2SM-RC-IndicationMessage", Asn1Set.CCC1, "E2SM-CCC-RIC-Indication-Message")),
    CALL_PROCESS_ID("RICcallProcessID", Map.of(Asn1Set.RC1, "E2SM-RC-CallProcessID")),
    CONTROL_HEADER("RICcontrolHeader", Map.of(
            Asn1Set.RC1, "E2SM-RC-ControlHeader", Asn1Set.CCC1, "E2SM-CCC-RIC-Control-Header")),
    CONTROL_MESSAGE("RICcontrolMessage", Map.of(
            Asn1Set.RC1, "E2SM-RC-ControlMessage", Asn1Set.CCC1, "E2SM-CCC-RIC-Control-Message")),
    CONTROL_OUTCOME("RICcontrolOutcome", Map.of(
            Asn1Set.RC1, "E2SM-RC-ControlOutcome", Asn1Set.CCC1, "E2SM-CCC-RIC-Control-Outcome")),
    RAN_FUNCTION_DEFINITION("RANfunctionDefinition", Map.of(
            Asn1Set.KPM2, "E2SM-KPM-RANfunction-Description", Asn1Set.KPM3, "E2SM-KPM-RANfunction-Description",
            Asn1Set.RC1, "E2SM-RC-RANFunctionDefinition", Asn1Set.CCC1, "E2SM-CCC-RANFunctionDefinition"));

    private final String e2apType;
    private final Map<Asn1Set, String> e2smTypes;

    E2smRole(String e2apType, Map<Asn1Set, String> e2smTypes) {
        this.e2apType = e2apType;
        this.e2smTypes = e2smTypes;
    }

    /** The E2AP OCTET STRING type that carries this role ({@code RICindicationHeader}...). */
    public String e2apType() {
        return e2apType;
    }

    /** The E2SM type of {@code set} for this role, or null if the service model has none. */
    public String e2smType(Asn1Set set) {
        return e2smTypes.get(set);
    }

    /** The role of an E2AP OCTET STRING type name, or null. */
    public static E2smRole ofE2apType(String e2apTypeName) {
        if (e2apTypeName == null) {
            return null;
        }
        for (E2smRole r : values()) {
            if (r.e2apType.equals(e2apTypeName)) {
                return r;
            }
        }
        return null;
    }
}
