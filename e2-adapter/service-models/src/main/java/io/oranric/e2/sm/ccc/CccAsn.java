package io.oranric.e2.sm.ccc;

import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.ccc.v0101.BwpContext;
import io.oranric.e2.codec.ccc.v0101.CellGlobalId;
import io.oranric.e2.codec.ccc.v0101.ConfigurationStructureWrite;
import io.oranric.e2.codec.ccc.v0101.CyclicPrefix;
import io.oranric.e2.codec.ccc.v0101.IsInitialBwp;
import io.oranric.e2.codec.ccc.v0101.NR_CGI;
import io.oranric.e2.codec.ccc.v0101.O_Bwp;
import io.oranric.e2.codec.ccc.v0101.O_RRMPolicyRatio;
import io.oranric.e2.codec.ccc.v0101.RAN_Configuration_Structure;
import io.oranric.e2.codec.ccc.v0101.ResourceType;
import io.oranric.e2.codec.ccc.v0101.RrmPolicyMember;
import io.oranric.e2.codec.ccc.v0101.S_NSSAI;
import io.oranric.e2.codec.ccc.v0101.SchedulerType;
import io.oranric.e2.codec.ccc.v0101.SubCarrierSpacing;
import io.oranric.e2.codec.ccc.v0101.ValuesOfAttributes;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.SliceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Conversions between typed CCC changes and the E2SM-CCC v1.01 ASN.1 records. */
final class CccAsn {
  private CccAsn() {}

  static CellGlobalId cgi(Ncgi c) {
    return new CellGlobalId.NR_CGI(new NR_CGI(c.plmnOctets(), c.nciBits()));
  }

  static Ncgi ncgi(CellGlobalId c) {
    if (c instanceof CellGlobalId.NR_CGI n) {
      return Ncgi.of(n.value().pLMNIdentity(), n.value().nRCellIdentity());
    }
    throw new IllegalArgumentException("only NR cells are supported");
  }

  static OctetString name(String s) {
    return OctetString.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  static String name(OctetString o) {
    return new String(o.toByteArray(), StandardCharsets.UTF_8);
  }

  static ConfigurationStructureWrite write(CccChange c) {
    RAN_Configuration_Structure s;
    if (c instanceof CccChange.RrmPolicyRatio r) {
      List<RrmPolicyMember> members = new ArrayList<>();
      for (CccChange.Member m : r.members()) {
        byte[] sd = m.slice().sdOctets();
        members.add(new RrmPolicyMember(OctetString.wrap(m.plmn().toBytes()),
            new S_NSSAI(OctetString.wrap(m.slice().sstOctet()), sd == null ? null : OctetString.wrap(sd))));
      }
      ResourceType type = "PRB_UL".equalsIgnoreCase(r.resourceType()) ? ResourceType.PRB_UL : ResourceType.PRB_DL;
      // schedulerType is mandatory in this transcription though "not part of the spec"; round robin says least
      s = new RAN_Configuration_Structure.O_RRMPolicyRatio(new O_RRMPolicyRatio(type, SchedulerType.ROUND_ROBIN, members,
          r.maxRatio(), r.minRatio(), r.dedicatedRatio()));
    } else if (c instanceof CccChange.Bwp b) {
      if (b.startRb() == null || b.numberOfRbs() == null || b.subcarrierSpacingKhz() == null) {
        throw new IllegalArgumentException("O-BWP in E2SM-CCC v1.01 ASN.1 carries every attribute: give start RB, number of RBs"
            + " and subcarrier spacing");
      }
      s = new RAN_Configuration_Structure.O_Bwp(new O_Bwp(BwpContext.DL, IsInitialBwp.OTHER, scs(b.subcarrierSpacingKhz()),
          CyclicPrefix.NORMAL, b.startRb(), b.numberOfRbs()));
    } else {
      throw new IllegalArgumentException(c.structureName() + " does not exist in E2SM-CCC v1.01 ASN.1; the node needs the"
          + " JSON form of E2SM-CCC for it");
    }
    ValuesOfAttributes v = new ValuesOfAttributes(s);
    return new ConfigurationStructureWrite(name(c.structureName()), v, v);
  }

  static SubCarrierSpacing scs(int khz) {
    switch (khz) {
      case 15: return SubCarrierSpacing.N15;
      case 30: return SubCarrierSpacing.N30;
      case 60: return SubCarrierSpacing.N60;
      default: return SubCarrierSpacing.N120;
    }
  }

  static CccChange change(ConfigurationStructureWrite w) {
    RAN_Configuration_Structure s = w.newValuesOfAttributes().ranConfigurationStructure();
    if (s instanceof RAN_Configuration_Structure.O_RRMPolicyRatio r) {
      List<CccChange.Member> members = new ArrayList<>();
      for (RrmPolicyMember m : r.value().rRMPolicyMemberList()) {
        if (m.snssai() == null) {
          throw new IllegalArgumentException("RRM policy member without S-NSSAI");
        }
        members.add(new CccChange.Member(Plmn.fromBytes(m.plmnId().toByteArray()), SliceId.fromOctets(m.snssai().sST().toByteArray(),
            m.snssai().sD() == null ? null : m.snssai().sD().toByteArray())));
      }
      String type = r.value().resourceType() == ResourceType.PRB_UL ? "PRB_UL" : r.value().resourceType() == ResourceType.PRB_DL
          ? "PRB_DL" : r.value().resourceType().asn1Name();
      return new CccChange.RrmPolicyRatio(type, members, (int) r.value().rRMPolicyMaxRatio(), (int) r.value().rRMPolicyMinRatio(),
          (int) r.value().rRMPolicyDedicatedRatio());
    }
    if (s instanceof RAN_Configuration_Structure.O_Bwp b) {
      int scs = 15 << b.value().subCarrierSpacing().ordinal();
      return new CccChange.Bwp(0, (int) b.value().startRB(), (int) b.value().numberOfRBs(), scs);
    }
    throw new IllegalArgumentException("configuration structure " + s.getClass().getSimpleName() + " not supported by this node");
  }
}
