package io.oranric.e2.sm.kpm;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.kpm.v0300.CGI;
import io.oranric.e2.codec.kpm.v0300.GUAMI;
import io.oranric.e2.codec.kpm.v0300.LabelInfoItem;
import io.oranric.e2.codec.kpm.v0300.LogicalOR;
import io.oranric.e2.codec.kpm.v0300.MatchingCondItem;
import io.oranric.e2.codec.kpm.v0300.MatchingCondItem_Choice;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfoItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementLabel;
import io.oranric.e2.codec.kpm.v0300.MeasurementType;
import io.oranric.e2.codec.kpm.v0300.NR_CGI;
import io.oranric.e2.codec.kpm.v0300.S_NSSAI;
import io.oranric.e2.codec.kpm.v0300.TestCondInfo;
import io.oranric.e2.codec.kpm.v0300.TestCond_Expression;
import io.oranric.e2.codec.kpm.v0300.TestCond_Type;
import io.oranric.e2.codec.kpm.v0300.TestCond_Value;
import io.oranric.e2.codec.kpm.v0300.UEID;
import io.oranric.e2.codec.kpm.v0300.UEID_GNB;
import io.oranric.e2.codec.kpm.v0300.UEID_GNB_CU_UP;
import io.oranric.e2.codec.kpm.v0300.UEID_GNB_DU;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.UeId;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Conversions between the typed KPM values of this package and the generated v3.00 records (which
 * encode identically to v2.03 for everything but the indication header). Decoding directions throw
 * IllegalArgumentException for values we cannot represent; callers wrap them.
 */
final class KpmAsn {
  private KpmAsn() {}

  // ------------------------------------------------------------------ cells, slices, UEs

  static CGI cgi(Ncgi c) {
    return new CGI.NR_CGI(new NR_CGI(c.plmnOctets(), c.nciBits()));
  }

  static Ncgi ncgi(CGI c) {
    if (c instanceof CGI.NR_CGI n) {
      return Ncgi.of(n.value().pLMNIdentity(), n.value().nRCellIdentity());
    }
    throw new IllegalArgumentException("only NR cells are supported, got " + c.getClass().getSimpleName());
  }

  static S_NSSAI snssai(SliceId s) {
    byte[] sd = s.sdOctets();
    return new S_NSSAI(OctetString.wrap(s.sstOctet()), sd == null ? null : OctetString.wrap(sd));
  }

  static SliceId slice(S_NSSAI s) {
    return SliceId.fromOctets(s.sST().toByteArray(), s.sD() == null ? null : s.sD().toByteArray());
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

  static GUAMI guami(UeId.Guami g) {
    return new GUAMI(OctetString.wrap(g.plmn().toBytes()), BitString.ofLong(g.amfRegionId(), 8),
        BitString.ofLong(g.amfSetId(), 10), BitString.ofLong(g.amfPointer(), 6));
  }

  static UeId.Guami guami(GUAMI g) {
    return new UeId.Guami(Plmn.fromBytes(g.pLMNIdentity().toByteArray()), (int) g.aMFRegionID().toLong(),
        (int) g.aMFSetID().toLong(), (int) g.aMFPointer().toLong());
  }

  static UEID ueid(UeId u) {
    if (u instanceof UeId.Gnb g) {
      return new UEID.GNB_UEID(new UEID_GNB(g.amfUeNgapId(), guami(g.guami()), null, null, ranUeId(g.ranUeId()), null,
          null, null));
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
      return new UeId.Gnb(g.value().amf_UE_NGAP_ID(), guami(g.value().guami()), ranUeId(g.value().ran_UEID()));
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

  // ------------------------------------------------------------------ measurements and labels

  static MeasurementType measType(String name, Long id) {
    return name != null ? new MeasurementType.MeasName(name) : new MeasurementType.MeasID(id);
  }

  static String measName(MeasurementType t) {
    if (t instanceof MeasurementType.MeasName n) {
      return n.value();
    }
    return null;
  }

  static Long measId(MeasurementType t) {
    if (t instanceof MeasurementType.MeasID i) {
      return i.value();
    }
    if (t instanceof MeasurementType.MeasName) {
      return null;
    }
    throw new IllegalArgumentException("unknown measurement type alternative");
  }

  static MeasurementInfoItem measInfo(String name, Long id, List<KpmLabel> labels) {
    return new MeasurementInfoItem(measType(name, id), labels.stream().map(l -> new LabelInfoItem(label(l))).toList());
  }

  static MeasurementLabel label(KpmLabel l) {
    Set<KpmLabel.Stat> s = l.stats();
    boolean none = l.isNone();
    return new MeasurementLabel(none || l.noLabel() ? MeasurementLabel.NoLabel.TRUE : null,
        l.plmn() == null ? null : OctetString.wrap(l.plmn().toBytes()), l.slice() == null ? null : snssai(l.slice()),
        l.fiveQi(), l.qfi(), l.qci(), null, null, l.arpMax(), l.arpMin(), l.bitrateRange(), l.layerMuMimo(),
        s.contains(KpmLabel.Stat.SUM) ? MeasurementLabel.SUM.TRUE : null, l.distBinX(), l.distBinY(), l.distBinZ(),
        null, null, s.contains(KpmLabel.Stat.MIN) ? MeasurementLabel.Min.TRUE : null,
        s.contains(KpmLabel.Stat.MAX) ? MeasurementLabel.Max.TRUE : null,
        s.contains(KpmLabel.Stat.AVG) ? MeasurementLabel.Avg.TRUE : null, l.ssbIndex(), null, null);
  }

  static KpmLabel label(MeasurementLabel m) {
    EnumSet<KpmLabel.Stat> s = EnumSet.noneOf(KpmLabel.Stat.class);
    if (m.sUM() != null) {
      s.add(KpmLabel.Stat.SUM);
    }
    if (m.min() != null) {
      s.add(KpmLabel.Stat.MIN);
    }
    if (m.max() != null) {
      s.add(KpmLabel.Stat.MAX);
    }
    if (m.avg() != null) {
      s.add(KpmLabel.Stat.AVG);
    }
    return new KpmLabel(m.noLabel() != null, m.plmnID() == null ? null : Plmn.fromBytes(m.plmnID().toByteArray()),
        m.sliceID() == null ? null : slice(m.sliceID()), m.fiveQI(), m.qFI(), m.qCI(), m.aRPmax(), m.aRPmin(),
        m.bitrateRange(), m.layerMU_MIMO(), m.distBinX(), m.distBinY(), m.distBinZ(), m.ssbIndex(), s);
  }

  // ------------------------------------------------------------------ conditions

  static TestCondInfo testCond(TestCondition t) {
    TestCond_Type type;
    switch (t.type()) {
      case GBR: type = new TestCond_Type.GBR(TestCond_Type.GBRValue.TRUE); break;
      case AMBR: type = new TestCond_Type.AMBR(TestCond_Type.AMBRValue.TRUE); break;
      case IS_STAT: type = new TestCond_Type.IsStat(TestCond_Type.IsStatValue.TRUE); break;
      case IS_CAT_M: type = new TestCond_Type.IsCatM(TestCond_Type.IsCatMValue.TRUE); break;
      case RSRP: type = new TestCond_Type.RSRP(TestCond_Type.RSRPValue.TRUE); break;
      case RSRQ: type = new TestCond_Type.RSRQ(TestCond_Type.RSRQValue.TRUE); break;
      case UL_RSRP: type = new TestCond_Type.Ul_rSRP(TestCond_Type.Ul_rSRPValue.TRUE); break;
      case CQI: type = new TestCond_Type.CQI(TestCond_Type.CQIValue.TRUE); break;
      case FIVE_QI: type = new TestCond_Type.FiveQI(TestCond_Type.FiveQIValue.TRUE); break;
      case QCI: type = new TestCond_Type.QCI(TestCond_Type.QCIValue.TRUE); break;
      default: type = new TestCond_Type.SNSSAI(TestCond_Type.SNSSAIValue.TRUE); break;
    }
    TestCond_Expression expr = t.expr() == null ? null : switchExpr(t.expr());
    TestCond_Value value = null;
    Object v = t.value();
    if (v instanceof Long l) {
      value = new TestCond_Value.ValueInt(l);
    } else if (v instanceof Double d) {
      value = new TestCond_Value.ValueReal(d);
    } else if (v instanceof Boolean b) {
      value = new TestCond_Value.ValueBool(b);
    } else if (v instanceof String s) {
      value = new TestCond_Value.ValuePrtS(s);
    } else if (v instanceof byte[] b) {
      value = new TestCond_Value.ValueOctS(OctetString.of(b));
    }
    return new TestCondInfo(type, expr, value);
  }

  private static TestCond_Expression switchExpr(TestCondition.Expr e) {
    switch (e) {
      case EQUAL: return TestCond_Expression.EQUAL;
      case GREATER_THAN: return TestCond_Expression.GREATERTHAN;
      case LESS_THAN: return TestCond_Expression.LESSTHAN;
      case CONTAINS: return TestCond_Expression.CONTAINS;
      default: return TestCond_Expression.PRESENT;
    }
  }

  static TestCondition testCond(TestCondInfo t) {
    TestCondition.Type type;
    TestCond_Type x = t.testType();
    if (x instanceof TestCond_Type.GBR) {
      type = TestCondition.Type.GBR;
    } else if (x instanceof TestCond_Type.AMBR) {
      type = TestCondition.Type.AMBR;
    } else if (x instanceof TestCond_Type.IsStat) {
      type = TestCondition.Type.IS_STAT;
    } else if (x instanceof TestCond_Type.IsCatM) {
      type = TestCondition.Type.IS_CAT_M;
    } else if (x instanceof TestCond_Type.RSRP) {
      type = TestCondition.Type.RSRP;
    } else if (x instanceof TestCond_Type.RSRQ) {
      type = TestCondition.Type.RSRQ;
    } else if (x instanceof TestCond_Type.Ul_rSRP) {
      type = TestCondition.Type.UL_RSRP;
    } else if (x instanceof TestCond_Type.CQI) {
      type = TestCondition.Type.CQI;
    } else if (x instanceof TestCond_Type.FiveQI) {
      type = TestCondition.Type.FIVE_QI;
    } else if (x instanceof TestCond_Type.QCI) {
      type = TestCondition.Type.QCI;
    } else if (x instanceof TestCond_Type.SNSSAI) {
      type = TestCondition.Type.S_NSSAI;
    } else {
      throw new IllegalArgumentException("unknown test condition type");
    }
    TestCondition.Expr expr = null;
    if (t.testExpr() instanceof TestCond_Expression.Known k) {
      switch (k) {
        case EQUAL: expr = TestCondition.Expr.EQUAL; break;
        case GREATERTHAN: expr = TestCondition.Expr.GREATER_THAN; break;
        case LESSTHAN: expr = TestCondition.Expr.LESS_THAN; break;
        case CONTAINS: expr = TestCondition.Expr.CONTAINS; break;
        default: expr = TestCondition.Expr.PRESENT; break;
      }
    } else if (t.testExpr() != null) {
      throw new IllegalArgumentException("unknown test condition expression");
    }
    Object value = null;
    TestCond_Value v = t.testValue();
    if (v instanceof TestCond_Value.ValueInt i) {
      value = i.value();
    } else if (v instanceof TestCond_Value.ValueEnum e) {
      value = e.value();
    } else if (v instanceof TestCond_Value.ValueBool b) {
      value = b.value();
    } else if (v instanceof TestCond_Value.ValueReal r) {
      value = r.value();
    } else if (v instanceof TestCond_Value.ValuePrtS s) {
      value = s.value();
    } else if (v instanceof TestCond_Value.ValueOctS o) {
      value = o.value().toByteArray();
    } else if (v instanceof TestCond_Value.ValueBitS b) {
      value = b.value().toByteArray();
    } else if (v != null) {
      throw new IllegalArgumentException("unknown test condition value alternative");
    }
    return new TestCondition(type, expr, value);
  }

  static MatchingCondItem matchCond(MatchCondition m) {
    MatchingCondItem_Choice c = m.label() != null ? new MatchingCondItem_Choice.MeasLabel(label(m.label()))
        : new MatchingCondItem_Choice.TestCondInfo(testCond(m.test()));
    return new MatchingCondItem(c, m.orNext() ? LogicalOR.TRUE : null);
  }

  static MatchCondition matchCond(MatchingCondItem m) {
    boolean or = m.logicalOR() != null;
    if (m.matchingCondChoice() instanceof MatchingCondItem_Choice.MeasLabel l) {
      return new MatchCondition(label(l.value()), null, or);
    }
    if (m.matchingCondChoice() instanceof MatchingCondItem_Choice.TestCondInfo t) {
      return new MatchCondition(null, testCond(t.value()), or);
    }
    throw new IllegalArgumentException("unknown matching condition alternative");
  }

  static String text(OctetString o) {
    return o == null ? null : new String(o.toByteArray(), StandardCharsets.UTF_8);
  }
}
