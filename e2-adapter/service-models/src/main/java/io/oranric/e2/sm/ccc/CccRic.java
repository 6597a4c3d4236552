package io.oranric.e2.sm.ccc;

import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.EnergySaving;
import io.oranric.e2.codec.ccc.v0101.CellControlOutcome;
import io.oranric.e2.codec.ccc.v0101.CellControlled;
import io.oranric.e2.codec.ccc.v0101.CellForRANFunctionDefinition;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureAccepted;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureFailed;
import io.oranric.e2.codec.ccc.v0101.ControlHeaderFormat;
import io.oranric.e2.codec.ccc.v0101.ControlMessageFormat;
import io.oranric.e2.codec.ccc.v0101.ControlOutcomeFormat;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_ControlHeaderFormat1;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_ControlMessageFormat1;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_ControlMessageFormat2;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RANFunctionDefinition;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Header;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Message;
import io.oranric.e2.codec.ccc.v0101.E2SM_CCC_RIC_Control_Outcome;
import io.oranric.e2.codec.ccc.v0101.RANConfigurationStructure;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.CellRef;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.internal.Asn;
import io.oranric.e2.sm.internal.AsnJson;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The RIC's side of E2SM-CCC in both forms: definitions, control requests, control outcomes. */
public final class CccRic {
  private static final Cause DECODE = Cause.TRANSFER_SYNTAX_ERROR;
  private static final Cause BAD_REQUEST = Cause.CONTROL_MESSAGE_INVALID;
  private static final Cause NOT_SUPPORTED = Cause.ACTION_NOT_SUPPORTED;

  private CccRic() {}

  // ------------------------------------------------------------------ definition

  /** Decodes the definition: JSON when it is a JSON object (srsRAN), E2SM-CCC v1.01 APER otherwise. */
  public static RanFunctionInfo describe(RanFunction f, CellNaming naming) throws ServiceModelException {
    byte[] b = f.definition();
    CccForm form = CccJson.looksLikeJson(b) ? CccForm.JSON : CccForm.ASN1;
    String shortName;
    String oid;
    String description;
    String json;
    List<String> node = new ArrayList<>();
    Map<Ncgi, List<String>> cells = new LinkedHashMap<>();
    try {
      if (form == CccForm.JSON) {
        CccJson.RanFunctionDefinition d = CccJson.read(b, CccJson.RanFunctionDefinition.class);
        if (d == null || d.ranFunctionName() == null) {
          throw new IllegalArgumentException("no ranFunctionName");
        }
        shortName = d.ranFunctionName().ranFunctionShortName();
        oid = d.ranFunctionName().oid();
        description = d.ranFunctionName().ranFunctionDescription();
        node.addAll(names(d.listOfSupportedNodeLevelConfigurationStructures()));
        if (d.cells() != null) {
          for (CccJson.CellForRanFunctionDefinition c : d.cells()) {
            if (c.cgi() == null) {
              throw new IllegalArgumentException("cell without cellGlobalId");
            }
            cells.put(c.cgi().ncgi(), names(c.listOfSupportedCellLevelRANConfigurationStructures()));
          }
        }
        json = CccJson.text(b);
      } else {
        E2SM_CCC_RANFunctionDefinition d = Asn.decode(b, E2SM_CCC_RANFunctionDefinition::decode, "CCC RAN function definition",
            false, DECODE);
        shortName = d.ranFunctionName().ranFunction_ShortName();
        oid = d.ranFunctionName().ranFunction_E2SM_OID();
        description = d.ranFunctionName().ranFunction_Description();
        if (d.listOfSupportedNodeLevelConfigurationStructures() != null) {
          for (RANConfigurationStructure s : d.listOfSupportedNodeLevelConfigurationStructures()) {
            node.add(CccAsn.name(s.ranConfigurationStructureName()));
          }
        }
        if (d.listOfCellsForRANFunctionDefinition() != null) {
          for (CellForRANFunctionDefinition c : d.listOfCellsForRANFunctionDefinition()) {
            List<String> names = new ArrayList<>();
            if (c.listOfSupportedCellLevelRANConfigurationStructures() != null) {
              for (RANConfigurationStructure s : c.listOfSupportedCellLevelRANConfigurationStructures()) {
                names.add(CccAsn.name(s.ranConfigurationStructureName()));
              }
            }
            cells.put(CccAsn.ncgi(c.cellGlobalID()), names);
          }
        }
        json = AsnJson.toJson(d);
      }
    } catch (RuntimeException e) {
      // IllegalArgumentException from the typed readers, NullPointerException from JSON that leaves out mandatory fields
      throw new ServiceModelException("CCC RAN function definition (" + form + ") not readable: " + e, DECODE, e);
    }
    CccDefinition def = new CccDefinition(form, shortName, oid, description, node, cells);
    List<RanFunctionInfo.ControlStyleInfo> styles = new ArrayList<>();
    if (!node.isEmpty()) {
      styles.add(new RanFunctionInfo.ControlStyleInfo(1, "Node Configuration and Control", actions(node)));
    }
    Set<String> cellLevel = new LinkedHashSet<>();
    cells.values().forEach(cellLevel::addAll);
    if (!cells.isEmpty()) {
      styles.add(new RanFunctionInfo.ControlStyleInfo(2, CccNodeSide.STYLE_NAME, actions(List.copyOf(cellLevel))));
    }
    List<CellRef> refs = cells.keySet().stream().map(c -> naming.cell(c.plmn(), c.nci())).toList();
    return new RanFunctionInfo(f, ServiceModel.CCC, form.version(), shortName, json, List.of(), styles, refs, def);
  }

  private static List<String> names(List<CccJson.RanConfigurationStructure> structures) {
    List<String> out = new ArrayList<>();
    if (structures != null) {
      for (CccJson.RanConfigurationStructure s : structures) {
        if (s == null || s.ranConfigurationStructureName() == null) {
          throw new IllegalArgumentException("configuration structure without ranConfigurationStructureName");
        }
        out.add(s.ranConfigurationStructureName());
      }
    }
    return out;
  }

  /** Configuration structures as the "actions" of a control style: 1, 2, ... in the definition's order. */
  private static List<RanFunctionInfo.ControlActionInfo> actions(List<String> names) {
    List<RanFunctionInfo.ControlActionInfo> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(new RanFunctionInfo.ControlActionInfo(i + 1, names.get(i)));
    }
    return out;
  }

  // ------------------------------------------------------------------ control

  /** The typed control of a {@code ccc} request (or of a slice quota sent as O-RRMPolicyRatio). */
  public static CccControl control(CccConfiguration req, CellNaming naming) throws ServiceModelException {
    Ncgi cell = req.getCellId().isEmpty() ? null : cell(req.getCellId(), naming);
    try {
      List<CccChange> changes = new ArrayList<>();
      switch (req.getChangeCase()) {
        case SECTOR_CARRIER: {
          var s = req.getSectorCarrier();
          changes.add(new CccChange.SectorCarrier(s.hasConfiguredMaxTxPowerDbm() ? s.getConfiguredMaxTxPowerDbm() : null,
              s.hasArfcnDl() ? Integer.toUnsignedLong(s.getArfcnDl()) : null, s.hasBsChannelBwDlMhz() ? s.getBsChannelBwDlMhz() : null));
          break;
        }
        case BWP: {
          var b = req.getBwp();
          changes.add(new CccChange.Bwp(b.getBwpId(), b.hasStartRb() ? b.getStartRb() : null,
              b.hasNumberOfRbs() ? b.getNumberOfRbs() : null, b.hasSubcarrierSpacingKhz() ? b.getSubcarrierSpacingKhz() : null));
          break;
        }
        case RRM_POLICY_RATIO: {
          if (req.getRrmPolicyRatio().getSlicesCount() == 0) {
            throw new IllegalArgumentException("O-RRMPolicyRatio change without slices");
          }
          for (var s : req.getRrmPolicyRatio().getSlicesList()) {
            Plmn plmn;
            if (s.hasPlmn()) {
              plmn = new Plmn(s.getPlmn().getMcc(), s.getPlmn().getMnc());
            } else if (cell != null) {
              plmn = cell.plmn();
            } else {
              throw new IllegalArgumentException("slice " + s.getSlice() + " has no PLMN and the request names no cell");
            }
            changes.add(new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(plmn, SliceId.fromProto(s.getSlice()))),
                s.getMaxPrbPct(), s.getMinPrbPct(), s.getDedicatedPrbPct()));
          }
          break;
        }
        case ENERGY_SAVING: {
          EnergySaving.Mode m = req.getEnergySaving().getMode();
          CccChange.EnergySaving.Mode mode = m == EnergySaving.Mode.MODE_SLEEP ? CccChange.EnergySaving.Mode.SLEEP
              : m == EnergySaving.Mode.MODE_WAKE ? CccChange.EnergySaving.Mode.WAKE
              : m == EnergySaving.Mode.MODE_REDUCE_POWER ? CccChange.EnergySaving.Mode.REDUCE_POWER : null;
          if (mode == null) {
            throw new IllegalArgumentException("energy saving mode not set");
          }
          changes.add(new CccChange.EnergySaving(mode));
          break;
        }
        default:
          throw new IllegalArgumentException("CCC request without a change");
      }
      return new CccControl(cell, changes);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException(e.getMessage(), BAD_REQUEST, e);
    }
  }

  static Ncgi cell(String name, CellNaming naming) throws ServiceModelException {
    String key = naming.cgiOf(name).orElseThrow(() -> new ServiceModelException("unknown cell " + name, BAD_REQUEST));
    try {
      return Ncgi.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("cell " + name + " maps to a bad NR CGI " + key, BAD_REQUEST, e);
    }
  }

  /**
   * Encodes the control in the function's form. The structures must be ones the node lists (for the cell,
   * or for any cell when the node lists a cell we do not know, as srsRAN's fixed placeholder cell).
   */
  public static ControlContent encode(RanFunctionInfo f, CccControl c) throws ServiceModelException {
    CccDefinition def = f.decoded() instanceof CccDefinition d ? d : null;
    CccForm form = def != null ? def.form() : CccForm.of(f.version());
    if (def != null) {
      for (CccChange ch : c.changes()) {
        boolean ok = def.supports(c.cell(), ch.structureName())
            || c.cell() != null && !def.cellStructures().containsKey(c.cell())
                && def.cellStructures().values().stream().anyMatch(l -> l.stream().anyMatch(s -> s.equalsIgnoreCase(ch.structureName())));
        if (!ok) {
          throw new ServiceModelException("node does not offer " + ch.structureName() + (c.cell() == null ? " at node level"
              : " for cell " + c.cell()), NOT_SUPPORTED);
        }
      }
    }
    byte[] header;
    byte[] message;
    if (form == CccForm.JSON) {
      header = CccJson.write(new CccJson.ControlHeader(new CccJson.ControlHeaderFormat1((long) c.style())));
      List<CccJson.ConfigurationStructureWrite> writes = c.changes().stream().map(CccJson::write).toList();
      message = CccJson.write(new CccJson.ControlMessage(c.cell() == null ? new CccJson.ControlMessageFormat(writes, null)
          : new CccJson.ControlMessageFormat(null, List.of(new CccJson.CellControlled(CccJson.CellGlobalId.of(c.cell()), writes)))));
    } else {
      header = Asn.encode(() -> new E2SM_CCC_RIC_Control_Header(new ControlHeaderFormat.E2SM_CCC_ControlHeaderFormat1(
          new E2SM_CCC_ControlHeaderFormat1(c.style()))).encode(), "CCC control header", BAD_REQUEST);
      message = Asn.encode(() -> {
        var writes = c.changes().stream().map(CccAsn::write).toList();
        ControlMessageFormat fmt = c.cell() == null
            ? new ControlMessageFormat.E2SM_CCC_ControlMessageFormat1(new E2SM_CCC_ControlMessageFormat1(writes))
            : new ControlMessageFormat.E2SM_CCC_ControlMessageFormat2(new E2SM_CCC_ControlMessageFormat2(
                List.of(new CellControlled(CccAsn.cgi(c.cell()), writes))));
        return new E2SM_CCC_RIC_Control_Message(fmt).encode();
      }, "CCC control message", NOT_SUPPORTED);
    }
    StringBuilder d = new StringBuilder("E2SM-CCC (" + form.version() + ") style " + c.style()
        + (c.cell() == null ? " node" : " cell " + c.cell()) + ":");
    for (CccChange ch : c.changes()) {
      d.append(' ').append(ch);
    }
    return new ControlContent(f.id(), header, message, d.toString());
  }

  /** A readable control outcome in either form. */
  public static String describeOutcome(RanFunctionInfo f, byte[] outcome) {
    if (outcome == null || outcome.length == 0) {
      return "";
    }
    try {
      List<String> parts = new ArrayList<>();
      if (CccJson.looksLikeJson(outcome)) {
        var tree = CccJson.MAPPER.readTree(outcome);
        if (tree.has("controlOutcomeFormat")) {
          tree = tree.get("controlOutcomeFormat");
        }
        CccJson.ControlOutcomeFormat o = CccJson.convert(tree, CccJson.ControlOutcomeFormat.class);
        jsonLists(parts, "node", o.ranConfigurationStructuresAcceptedList(), o.ranConfigurationStructuresFailedList());
        if (o.listOfCellsForControlOutcome() != null) {
          for (CccJson.CellControlOutcome c : o.listOfCellsForControlOutcome()) {
            String cell = c.cellGlobalId() == null ? "cell ?" : "cell " + c.cellGlobalId().ncgi();
            jsonLists(parts, cell, c.ranConfigurationStructuresAcceptedList(), c.ranConfigurationStructuresFailedList());
          }
        }
      } else {
        E2SM_CCC_RIC_Control_Outcome o = Asn.decode(outcome, E2SM_CCC_RIC_Control_Outcome::decode, "CCC control outcome", false,
            DECODE);
        if (o.controlOutcomeFormat() instanceof ControlOutcomeFormat.E2SM_CCC_ControlOutcomeFormat1 f1) {
          asnLists(parts, "node", f1.value().ranConfigurationStructuresAcceptedList(),
              f1.value().ranConfigurationStructuresFailedList());
        } else {
          ControlOutcomeFormat.E2SM_CCC_ControlOutcomeFormat2 f2 = (ControlOutcomeFormat.E2SM_CCC_ControlOutcomeFormat2) o.controlOutcomeFormat();
          for (CellControlOutcome c : f2.value().listOfCellsForControlOutcome()) {
            asnLists(parts, "cell " + CccAsn.ncgi(c.cellGlobalId()), c.ranConfigurationStructuresAcceptedList(),
                c.ranConfigurationStructuresFailedList());
          }
        }
      }
      return "CCC control outcome: " + (parts.isEmpty() ? "(empty)" : String.join("; ", parts));
    } catch (Exception e) {
      return "undecodable CCC control outcome " + (CccJson.looksLikeJson(outcome) ? CccJson.text(outcome)
          : HexFormat.of().formatHex(outcome)) + " (" + e.getMessage() + ")";
    }
  }

  private static void jsonLists(List<String> parts, String where, List<CccJson.ConfigurationStructureAccepted> ok,
      List<CccJson.ConfigurationStructureFailed> failed) {
    if (ok != null) {
      for (var a : ok) {
        parts.add(where + " " + a.ranConfigurationStructureName() + " accepted"
            + (a.currentValuesOfAttributes() == null ? "" : " " + a.currentValuesOfAttributes().ranConfigurationStructure()));
      }
    }
    if (failed != null) {
      for (var x : failed) {
        parts.add(where + " " + x.ranConfigurationStructureName() + " failed (" + x.cause() + ")");
      }
    }
  }

  private static void asnLists(List<String> parts, String where, List<ConfigurationStructureAccepted> ok,
      List<ConfigurationStructureFailed> failed) {
    if (ok != null) {
      for (var a : ok) {
        parts.add(where + " " + CccAsn.name(a.ranConfigurationStructureName()) + " accepted "
            + AsnJson.toJson(a.currentValuesOfAttributes()));
      }
    }
    if (failed != null) {
      for (var x : failed) {
        parts.add(where + " " + CccAsn.name(x.ranConfigurationStructureName()) + " failed (" + x.cause().asn1Name() + ")");
      }
    }
  }
}
