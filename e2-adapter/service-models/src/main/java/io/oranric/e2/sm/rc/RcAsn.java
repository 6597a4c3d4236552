package io.oranric.e2.sm.rc;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.rc.v0103.CGI;
import io.oranric.e2.codec.rc.v0103.GUAMI;
import io.oranric.e2.codec.rc.v0103.NR_CGI;
import io.oranric.e2.codec.rc.v0103.RANParameter_LIST;
import io.oranric.e2.codec.rc.v0103.RANParameter_STRUCTURE;
import io.oranric.e2.codec.rc.v0103.RANParameter_STRUCTURE_Item;
import io.oranric.e2.codec.rc.v0103.RANParameter_Value;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_ElementFalse;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_ElementTrue;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_List;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_Structure;
import io.oranric.e2.codec.rc.v0103.UEID;
import io.oranric.e2.codec.rc.v0103.UEID_GNB;
import io.oranric.e2.codec.rc.v0103.UEID_GNB_CU_CP_F1AP_ID_Item;
import io.oranric.e2.codec.rc.v0103.UEID_GNB_CU_UP;
import io.oranric.e2.codec.rc.v0103.UEID_GNB_DU;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.UeId;
import java.util.ArrayList;
import java.util.List;

/** Conversions between typed RC values and the generated E2SM-RC v1.03 records. */
final class RcAsn {
  private RcAsn() {}

  static RANParameter_ValueType valueType(RcValue v) {
    if (v instanceof RcValue.Element e) {
      RANParameter_Value value = value(e.value());
      return e.key() ? new RANParameter_ValueType.RanP_Choice_ElementTrue(new RANParameter_ValueType_Choice_ElementTrue(value))
          : new RANParameter_ValueType.RanP_Choice_ElementFalse(new RANParameter_ValueType_Choice_ElementFalse(value));
    }
    if (v instanceof RcValue.Struct s) {
      return new RANParameter_ValueType.RanP_Choice_Structure(new RANParameter_ValueType_Choice_Structure(structure(s)));
    }
    RcValue.ListOf l = (RcValue.ListOf) v;
    List<RANParameter_STRUCTURE> items = new ArrayList<>();
    for (RcValue.Struct s : l.items()) {
      items.add(structure(s));
    }
    return new RANParameter_ValueType.RanP_Choice_List(new RANParameter_ValueType_Choice_List(new RANParameter_LIST(items)));
  }

  static RANParameter_STRUCTURE structure(RcValue.Struct s) {
    return new RANParameter_STRUCTURE(s.params().isEmpty() ? null
        : s.params().stream().map(p -> new RANParameter_STRUCTURE_Item(p.id(), valueType(p.value()))).toList());
  }

  static RANParameter_Value value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return new RANParameter_Value.ValueInt(l);
    }
    if (v instanceof Double d) {
      return new RANParameter_Value.ValueReal(d);
    }
    if (v instanceof Boolean b) {
      return new RANParameter_Value.ValueBoolean(b);
    }
    if (v instanceof byte[] b) {
      return new RANParameter_Value.ValueOctS(OctetString.of(b));
    }
    if (v instanceof BitString b) {
      return new RANParameter_Value.ValueBitS(b);
    }
    return new RANParameter_Value.ValuePrintableString((String) v);
  }

  static Object value(RANParameter_Value v) {
    if (v == null) {
      return null;
    }
    if (v instanceof RANParameter_Value.ValueInt i) {
      return i.value();
    }
    if (v instanceof RANParameter_Value.ValueReal r) {
      return r.value();
    }
    if (v instanceof RANParameter_Value.ValueBoolean b) {
      return b.value();
    }
    if (v instanceof RANParameter_Value.ValueOctS o) {
      return o.value().toByteArray();
    }
    if (v instanceof RANParameter_Value.ValueBitS b) {
      return b.value();
    }
    if (v instanceof RANParameter_Value.ValuePrintableString s) {
      return s.value();
    }
    throw new IllegalArgumentException("unknown RAN parameter value alternative");
  }

  static RcValue valueType(RANParameter_ValueType v) {
    if (v instanceof RANParameter_ValueType.RanP_Choice_ElementTrue t) {
      return new RcValue.Element(value(t.value().ranParameter_value()), true);
    }
    if (v instanceof RANParameter_ValueType.RanP_Choice_ElementFalse f) {
      return new RcValue.Element(value(f.value().ranParameter_value()), false);
    }
    if (v instanceof RANParameter_ValueType.RanP_Choice_Structure s) {
      return structure(s.value().ranParameter_Structure());
    }
    if (v instanceof RANParameter_ValueType.RanP_Choice_List l) {
      List<RcValue.Struct> items = new ArrayList<>();
      List<RANParameter_STRUCTURE> list = l.value().ranParameter_List().list_of_ranParameter();
      if (list != null) {
        for (RANParameter_STRUCTURE s : list) {
          items.add(structure(s));
        }
      }
      return new RcValue.ListOf(items);
    }
    throw new IllegalArgumentException("unknown RAN parameter value type alternative");
  }

  static RcValue.Struct structure(RANParameter_STRUCTURE s) {
    List<RcValue.Param> params = new ArrayList<>();
    if (s != null && s.sequence_of_ranParameters() != null) {
      for (RANParameter_STRUCTURE_Item i : s.sequence_of_ranParameters()) {
        params.add(new RcValue.Param(i.ranParameter_ID(), valueType(i.ranParameter_valueType())));
      }
    }
    return new RcValue.Struct(params);
  }

  // ------------------------------------------------------------------ cells, UEs

  /** The NR CGI as an APER NR-CGI in an OCTET STRING, the way srsRAN's and OSC's handover xApps send it. */
  static byte[] nrCgiOctets(Ncgi c) {
    return new NR_CGI(c.plmnOctets(), c.nciBits()).encode();
  }

  static Ncgi nrCgi(byte[] octets) {
    NR_CGI n = NR_CGI.decode(octets);
    return Ncgi.of(n.pLMNIdentity(), n.nRCellIdentity());
  }

  static Ncgi ncgi(CGI c) {
    if (c instanceof CGI.NR_CGI n) {
      return Ncgi.of(n.value().pLMNIdentity(), n.value().nRCellIdentity());
    }
    throw new IllegalArgumentException("only NR cells are supported");
  }

  static GUAMI guami(UeId.Guami g) {
    return new GUAMI(OctetString.wrap(g.plmn().toBytes()), BitString.ofLong(g.amfRegionId(), 8),
        BitString.ofLong(g.amfSetId(), 10), BitString.ofLong(g.amfPointer(), 6));
  }

  static OctetString ranUeId(Long id) {
    if (id == null) {
      return null;
    }
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (id >>> (56 - 8 * i));
    }
    return OctetString.wrap(b);
  }

  static Long ranUeId(OctetString o) {
    if (o == null) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < o.length(); i++) {
      v = (v << 8) | (o.byteAt(i) & 0xFF);
    }
    return v;
  }

  /** @param f1apId for gNB UEs, the gNB-CU UE F1AP id to add (srsRAN's CU reads it), or null */
  static UEID ueid(UeId u, Long f1apId) {
    if (u instanceof UeId.Gnb g) {
      return new UEID.GNB_UEID(new UEID_GNB(g.amfUeNgapId(), guami(g.guami()),
          f1apId == null ? null : List.of(new UEID_GNB_CU_CP_F1AP_ID_Item(f1apId)), null, ranUeId(g.ranUeId()), null, null, null));
    }
    if (u instanceof UeId.GnbDu d) {
      return new UEID.GNB_DU_UEID(new UEID_GNB_DU(d.cuUeF1apId(), ranUeId(d.ranUeId())));
    }
    if (u instanceof UeId.GnbCuUp c) {
      return new UEID.GNB_CU_UP_UEID(new UEID_GNB_CU_UP(c.cuCpUeE1apId(), ranUeId(c.ranUeId())));
    }
    throw new IllegalArgumentException("cannot encode UE id " + u.text());
  }

  static UeId ueId(UEID u) {
    if (u instanceof UEID.GNB_UEID g) {
      GUAMI x = g.value().guami();
      return new UeId.Gnb(g.value().amf_UE_NGAP_ID(), new UeId.Guami(Plmn.fromBytes(x.pLMNIdentity().toByteArray()),
          (int) x.aMFRegionID().toLong(), (int) x.aMFSetID().toLong(), (int) x.aMFPointer().toLong()), ranUeId(g.value().ran_UEID()));
    }
    if (u instanceof UEID.GNB_DU_UEID d) {
      return new UeId.GnbDu(d.value().gNB_CU_UE_F1AP_ID(), ranUeId(d.value().ran_UEID()));
    }
    if (u instanceof UEID.GNB_CU_UP_UEID c) {
      return new UeId.GnbCuUp(c.value().gNB_CU_CP_UE_E1AP_ID(), ranUeId(c.value().ran_UEID()));
    }
    if (u instanceof UEID.Ng_eNB_UEID n) {
      return new UeId.Other("ng-enb", n.value().amf_UE_NGAP_ID());
    }
    if (u instanceof UEID.Ng_eNB_DU_UEID n) {
      return new UeId.Other("ng-enb-du", n.value().ng_eNB_CU_UE_W1AP_ID());
    }
    if (u instanceof UEID.En_gNB_UEID e) {
      return new UeId.Other("en-gnb", e.value().m_eNB_UE_X2AP_ID());
    }
    if (u instanceof UEID.ENB_UEID e) {
      return new UeId.Other("enb", e.value().mME_UE_S1AP_ID());
    }
    throw new IllegalArgumentException("unknown UE id alternative");
  }
}
