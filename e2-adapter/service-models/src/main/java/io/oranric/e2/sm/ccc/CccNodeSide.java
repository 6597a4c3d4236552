package io.oranric.e2.sm.ccc;

import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.ccc.v0101.Attribute;
import io.oranric.e2.codec.ccc.v0101.CellControlOutcome;
import io.oranric.e2.codec.ccc.v0101.CellControlled;
import io.oranric.e2.codec.ccc.v0101.CellForRANFunctionDefinition;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureAccepted;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureFailed;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureWrite;
import io.oranric.e2.codec.ccc.v0101.ControlHeaderFormat;
import io.oranric.e2.codec.ccc.v0101.ControlMessageFormat;
import io.oranric.e2.codec.ccc.v0101.ControlOutcomeFormat;
import io.oranric.e2.codec.ccc.v0101.ControlService;
import io.oranric.e2.codec.ccc.v0101.ControlStyle;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_ControlOutcomeFormat1;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_ControlOutcomeFormat2;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RANFunctionDefinition;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Header;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Message;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Outcome;
import io.oranric.e2.codec.ccc.v0101.OutcomeCause;
import io.oranric.e2.codec.ccc.v0101.RANConfigurationStructure;
import io.oranric.e2.codec.ccc.v0101.RANfunction_Name;
import io.oranric.e2.codec.ccc.v0101.RICServices;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.internal.Asn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The E2 node's side of E2SM-CCC, in either form ({@link CccForm}): RAN function definition, control
 * requests read into typed changes (refused with control-message-invalid when malformed or out of
 * range), control outcomes. {@code new CccNodeSide(CccForm.JSON)} behaves like srsRAN.
 */
public final class CccNodeSide {
  static final Cause INVALID = Cause.CONTROL_MESSAGE_INVALID;
  static final String STYLE_NAME = "Cell Configuration and Control";

  private final CccForm form;

  public CccNodeSide(CccForm form) {
    this.form = form;
  }

  public CccForm form() {
    return form;
  }

  // ------------------------------------------------------------------ definition

  public byte[] ranFunctionDefinition(CccFunctionSpec spec) throws ServiceModelException {
    return Asn.encode(() -> form == CccForm.JSON ? json(spec) : asn1(spec), "CCC RAN function definition", Cause.MISC_UNSPECIFIED);
  }

  private static byte[] json(CccFunctionSpec spec) {
    List<CccJson.CellForRanFunctionDefinition> cells = new ArrayList<>();
    for (Ncgi c : spec.cells()) {
      List<CccJson.RanConfigurationStructure> structures = new ArrayList<>();
      for (String s : spec.structures()) {
        structures.add(new CccJson.RanConfigurationStructure(s, CccFunctionSpec.attributes(s).stream()
            .map(a -> new CccJson.Attribute(a, new CccJson.SupportedServices(new CccJson.ControlService(
                List.of(new CccJson.ControlStyle(2L, STYLE_NAME, 1L, 2L, 2L)))))).toList()));
      }
      cells.add(new CccJson.CellForRanFunctionDefinition(CccJson.CellGlobalId.of(c), null, structures));
    }
    return CccJson.write(new CccJson.RanFunctionDefinition(new CccJson.RanFunctionName(spec.shortName(), spec.oid(),
        spec.description(), spec.instance()), null, cells.isEmpty() ? null : cells));
  }

  private static byte[] asn1(CccFunctionSpec spec) {
    List<CellForRANFunctionDefinition> cells = new ArrayList<>();
    for (Ncgi c : spec.cells()) {
      List<RANConfigurationStructure> structures = new ArrayList<>();
      for (String s : spec.structures()) {
        structures.add(new RANConfigurationStructure(CccAsn.name(s), CccFunctionSpec.attributes(s).stream()
            .map(a -> new Attribute(CccAsn.name(a), new RICServices(null, null, null,
                new ControlService(List.of(new ControlStyle(2, STYLE_NAME, 1, 2, null, 2))), null))).toList()));
      }
      cells.add(new CellForRANFunctionDefinition(CccAsn.cgi(c), structures));
    }
    return new E2SM_CCC_RANFunctionDefinition(new RANfunction_Name(spec.shortName(), spec.oid(), spec.description(),
        spec.instance()), null, cells).encode();
  }

  // ------------------------------------------------------------------ control

  /** Reads a control request: one CccControl per cell (or one node-level control). */
  public List<CccControl> parseControl(byte[] header, byte[] message) throws ServiceModelException {
    try {
      return form == CccForm.JSON ? parseJson(header, message) : parseAsn1(header, message);
    } catch (RuntimeException e) {
      // IllegalArgumentException from the typed readers and value checks, NullPointerException from absent JSON fields
      throw new ServiceModelException("CCC control not usable: " + e.getMessage(), INVALID, e);
    }
  }

  private static List<CccControl> parseJson(byte[] header, byte[] message) throws ServiceModelException {
    if (header == null || message == null) {
      throw new ServiceModelException("CCC control without header or message", INVALID);
    }
    CccJson.ControlHeader h = CccJson.read(header, CccJson.ControlHeader.class);
    CccJson.ControlMessage m = CccJson.read(message, CccJson.ControlMessage.class);
    if (h == null || h.controlHeaderFormat() == null || h.controlHeaderFormat().ricStyleType() == null) {
      throw new ServiceModelException("CCC control header without controlHeaderFormat.ricStyleType", INVALID);
    }
    if (m == null || m.controlMessageFormat() == null) {
      throw new ServiceModelException("CCC control message without controlMessageFormat", INVALID);
    }
    long style = h.controlHeaderFormat().ricStyleType();
    List<CccControl> out = new ArrayList<>();
    if (m.controlMessageFormat().listOfCellsControlled() != null) {
      checkStyle(style, 2);
      for (CccJson.CellControlled c : m.controlMessageFormat().listOfCellsControlled()) {
        if (c == null || c.cellGlobalId() == null || c.listOfConfigurationStructures() == null) {
          throw new ServiceModelException("cell control needs cellGlobalId and listOfConfigurationStructures", INVALID);
        }
        out.add(new CccControl(c.cellGlobalId().ncgi(), c.listOfConfigurationStructures().stream().map(CccJson::change).toList()));
      }
    } else if (m.controlMessageFormat().listOfConfigurationStructures() != null) {
      checkStyle(style, 1);
      out.add(new CccControl(null, m.controlMessageFormat().listOfConfigurationStructures().stream().map(CccJson::change).toList()));
    }
    if (out.isEmpty()) {
      throw new ServiceModelException("CCC control message changes nothing", INVALID);
    }
    return out;
  }

  private static void checkStyle(long style, int expected) throws ServiceModelException {
    if (style != expected) {
      throw new ServiceModelException("CCC control style " + style + " does not match message format " + expected, INVALID);
    }
  }

  private static List<CccControl> parseAsn1(byte[] header, byte[] message) throws ServiceModelException {
    E2SM_CCC_RIC_Control_Header h = Asn.decode(header, E2SM_CCC_RIC_Control_Header::decode, "CCC control header", false, INVALID);
    E2SM_CCC_RIC_Control_Message m = Asn.decode(message, E2SM_CCC_RIC_Control_Message::decode, "CCC control message", false, INVALID);
    if (!(h.controlHeaderFormat() instanceof ControlHeaderFormat.E2SM_CCC_ControlHeaderFormat1 h1)) {
      throw new ServiceModelException("CCC control header format not supported", INVALID);
    }
    long style = h1.value().ricStyleType();
    List<CccControl> out = new ArrayList<>();
    if (m.controlMessageFormat() instanceof ControlMessageFormat.E2SM_CCC_ControlMessageFormat2 f2) {
      checkStyle(style, 2);
      for (CellControlled c : f2.value().listOfCellsReported()) {
        out.add(new CccControl(CccAsn.ncgi(c.cellGlobalId()), c.listOfConfigurationStructures().stream().map(CccAsn::change).toList()));
      }
    } else {
      checkStyle(style, 1);
      ControlMessageFormat.E2SM_CCC_ControlMessageFormat1 f1 = (ControlMessageFormat.E2SM_CCC_ControlMessageFormat1) m.controlMessageFormat();
      out.add(new CccControl(null, f1.value().listOfConfigurationStructures().stream().map(CccAsn::change).toList()));
    }
    return out;
  }

  /** The outcome of applying (or refusing) the controls: every structure accepted, or every one failed. */
  public byte[] controlOutcome(List<CccControl> controls, boolean accepted, Instant received) throws ServiceModelException {
    return Asn.encode(() -> form == CccForm.JSON ? jsonOutcome(controls, accepted, received) : asn1Outcome(controls, accepted,
        received), "CCC control outcome", Cause.MISC_UNSPECIFIED);
  }

  private static byte[] jsonOutcome(List<CccControl> controls, boolean accepted, Instant received) {
    String ts = received == null ? null : java.util.HexFormat.of().formatHex(Asn.ntp64(received));
    List<CccJson.CellControlOutcome> cells = new ArrayList<>();
    List<CccJson.ConfigurationStructureAccepted> nodeOk = new ArrayList<>();
    List<CccJson.ConfigurationStructureFailed> nodeFailed = new ArrayList<>();
    for (CccControl c : controls) {
      List<CccJson.ConfigurationStructureAccepted> ok = new ArrayList<>();
      List<CccJson.ConfigurationStructureFailed> failed = new ArrayList<>();
      for (CccChange ch : c.changes()) {
        CccJson.Values v = new CccJson.Values(CccJson.attributes(ch));
        if (accepted) {
          ok.add(new CccJson.ConfigurationStructureAccepted(ch.structureName(), v, v, ts));
        } else {
          failed.add(new CccJson.ConfigurationStructureFailed(ch.structureName(), v, v, "unspecified"));
        }
      }
      if (c.cell() == null) {
        nodeOk.addAll(ok);
        nodeFailed.addAll(failed);
      } else {
        cells.add(new CccJson.CellControlOutcome(CccJson.CellGlobalId.of(c.cell()), ok.isEmpty() ? null : ok,
            failed.isEmpty() ? null : failed));
      }
    }
    if (cells.isEmpty()) {
      return CccJson.write(new CccJson.ControlOutcomeFormat(ts, nodeOk, nodeFailed, null));
    }
    return CccJson.write(new CccJson.ControlOutcomeFormat(ts, null, null, cells));
  }

  private static byte[] asn1Outcome(List<CccControl> controls, boolean accepted, Instant received) {
    OctetString ts = received == null ? null : OctetString.wrap(Asn.ntp64(received));
    List<CellControlOutcome> cells = new ArrayList<>();
    List<ConfigurationStructureAccepted> nodeOk = new ArrayList<>();
    List<ConfigurationStructureFailed> nodeFailed = new ArrayList<>();
    for (CccControl c : controls) {
      List<ConfigurationStructureAccepted> ok = new ArrayList<>();
      List<ConfigurationStructureFailed> failed = new ArrayList<>();
      for (CccChange ch : c.changes()) {
        ConfigurationStructureWrite w = CccAsn.write(ch);
        if (accepted) {
          ok.add(new ConfigurationStructureAccepted(w.ranConfigurationStructureName(), w.oldValuesOfAttributes(),
              w.newValuesOfAttributes(), null));
        } else {
          failed.add(new ConfigurationStructureFailed(w.ranConfigurationStructureName(), w.oldValuesOfAttributes(),
              w.newValuesOfAttributes(), OutcomeCause.UNSPECIFIED));
        }
      }
      if (c.cell() == null) {
        nodeOk.addAll(ok);
        nodeFailed.addAll(failed);
      } else {
        cells.add(new CellControlOutcome(CccAsn.cgi(c.cell()), ok.isEmpty() ? null : ok, failed.isEmpty() ? null : failed));
      }
    }
    ControlOutcomeFormat f = cells.isEmpty()
        ? new ControlOutcomeFormat.E2SM_CCC_ControlOutcomeFormat1(new E2SM_CCC_ControlOutcomeFormat1(ts, nodeOk, nodeFailed))
        : new ControlOutcomeFormat.E2SM_CCC_ControlOutcomeFormat2(new E2SM_CCC_ControlOutcomeFormat2(ts, cells));
    return new E2SM_CCC_RIC_Control_Outcome(f).encode();
  }
}
