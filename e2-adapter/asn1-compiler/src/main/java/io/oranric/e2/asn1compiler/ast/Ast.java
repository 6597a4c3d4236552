package io.oranric.e2.asn1compiler.ast;

import io.oranric.e2.asn1compiler.lex.Token;
import java.math.BigInteger;
import java.util.List;

/**
 * Abstract syntax of the ASN.1 subset (X.680, X.681 classes and object sets, X.682 table constraints,
 * X.683 parameterization) as written in the source, before any name is resolved.
 */
public final class Ast {

    private Ast() {
    }

    // ================================================================== modules

    /** One module: name, tag default, imports and assignments in source order. */
    public record AsnModule(String name, String file, String tagDefault, boolean extensibilityImplied,
                         List<Import> imports, List<Assignment> assignments, Token at) {
    }

    /** {@code symbols FROM module}; a symbol written {@code Name{}} is a parameterized reference. */
    public record Import(String fromModule, List<String> symbols, Token at) {
    }

    /** Formal parameter {@code Governor : Name} (governor null for a type parameter). */
    public record Param(Type governor, String governorClass, String name) {
    }

    public sealed interface Assignment permits TypeAssignment, ValueAssignment, ClassAssignment,
            ObjectAssignment, ObjectSetAssignment {
        String name();

        Token at();
    }

    public record TypeAssignment(String name, List<Param> params, Type type, Token at) implements Assignment {
    }

    public record ValueAssignment(String name, Type type, Value value, Token at) implements Assignment {
    }

    public record ClassAssignment(String name, ClassDef def, Token at) implements Assignment {
    }

    /** {@code name CLASS ::= { defined syntax }}: the body tokens are parsed later with the class syntax. */
    public record ObjectAssignment(String name, String className, ObjectDef object, Token at) implements Assignment {
    }

    public record ObjectSetAssignment(String name, String className, List<Param> params, ObjectSet set, Token at)
            implements Assignment {
    }

    // ================================================================== types

    public sealed interface Type permits Builtin, Enumerated, Sequence, SequenceOf, Choice, TypeRef, ClassFieldType {
        List<Constraint> constraints();

        Token at();
    }

    /**
     * BOOLEAN, NULL, INTEGER, REAL, BIT STRING, OCTET STRING, OBJECT IDENTIFIER and the character string
     * types; {@code named} holds named numbers (INTEGER) or named bits (BIT STRING).
     */
    public record Builtin(String kind, List<NamedNumber> named, List<Constraint> constraints, Token at) implements Type {
    }

    public record NamedNumber(String name, Value value) {
    }

    public record Enumerated(List<NamedNumber> root, boolean extensible, List<NamedNumber> additions,
                             List<Constraint> constraints, Token at) implements Type {
    }

    /** A component; {@code defaultValue} non-null for DEFAULT. */
    public record Component(String name, Type type, boolean optional, Value defaultValue, Token at) {
    }

    /** An extension addition: one component or an addition group {@code [[ ... ]]}. */
    public record Addition(List<Component> components, boolean group, Integer version) {
    }

    /**
     * SEQUENCE or SET: root components before the first marker, additions, and root components after
     * the second marker.
     */
    public record Sequence(boolean isSet, List<Component> root, boolean extensible, List<Addition> additions,
                           List<Component> root2, List<Constraint> constraints, Token at) implements Type {
    }

    /** SEQUENCE OF / SET OF; the SIZE constraint of {@code SEQUENCE (SIZE(..)) OF} is in {@code constraints}. */
    public record SequenceOf(boolean isSet, Type element, String elementName, List<Constraint> constraints, Token at)
            implements Type {
    }

    public record Choice(List<Component> root, boolean extensible, List<Addition> additions,
                         List<Constraint> constraints, Token at) implements Type {
    }

    /** Reference to a type (maybe {@code Module.Type}) with actual parameters for a parameterized type. */
    public record TypeRef(String module, String name, List<ActualParam> actuals, List<Constraint> constraints, Token at)
            implements Type {
    }

    /** {@code CLASS.&field} (ObjectClassFieldType). */
    public record ClassFieldType(String className, String field, List<Constraint> constraints, Token at) implements Type {
    }

    // ================================================================== parameters

    /** An actual parameter: a braced object set, or something that is a type or a value (resolved later). */
    public sealed interface ActualParam permits ActualObjectSet, ActualTypeOrValue {
    }

    public record ActualObjectSet(ObjectSet set) implements ActualParam {
    }

    /** {@code type} set when it parses as a type; {@code value} when it parses as a value; maybe both (a bare reference). */
    public record ActualTypeOrValue(Type type, Value value) implements ActualParam {
    }

    // ================================================================== values

    public sealed interface Value permits IntValue, RefValue, BoolValue, NullValue, StringValue, BitsValue,
            HexValue, BracedValue, RealValue {
        Token at();
    }

    public record IntValue(BigInteger value, Token at) implements Value {
    }

    public record RealValue(double value, Token at) implements Value {
    }

    /** A value reference, an enumeration identifier or a named number (resolved later). */
    public record RefValue(String module, String name, Token at) implements Value {
    }

    public record BoolValue(boolean value, Token at) implements Value {
    }

    public record NullValue(Token at) implements Value {
    }

    public record StringValue(String value, Token at) implements Value {
    }

    public record BitsValue(String bits, Token at) implements Value {
    }

    public record HexValue(String hex, Token at) implements Value {
    }

    /** {@code { ... }} value notation kept as tokens (OIDs, SEQUENCE values). */
    public record BracedValue(List<Token> tokens, Token at) implements Value {
    }

    // ================================================================== constraints

    /** One parenthesized constraint: root element set, extension marker, additional element set. */
    public record Constraint(Elements root, boolean extensible, Elements additional, Token at) {
    }

    public sealed interface Elements permits Union, Intersection, SingleValue, ValueRange, SizeElem, FromElem,
            TableElem, NestedElem, ContainedType, AllExcept {
    }

    public record Union(List<Elements> items) implements Elements {
    }

    public record Intersection(List<Elements> items) implements Elements {
    }

    public record SingleValue(Value value) implements Elements {
    }

    /** {@code lower .. upper}; a null bound is MIN/MAX; open bounds written with {@code <}. */
    public record ValueRange(Value lower, boolean lowerOpen, Value upper, boolean upperOpen) implements Elements {
    }

    public record SizeElem(Constraint size) implements Elements {
    }

    public record FromElem(Constraint from) implements Elements {
    }

    /** {@code {ObjectSet}} or {@code {ObjectSet}{@id}} (simple table / component relation constraint). */
    public record TableElem(ObjectSet set, List<String> atNotation) implements Elements {
    }

    public record NestedElem(Constraint inner) implements Elements {
    }

    /** {@code CONTAINING Type}, type inclusion and other elements the PER encoder ignores. */
    public record ContainedType(Type type) implements Elements {
    }

    public record AllExcept(Elements except) implements Elements {
    }

    // ================================================================== classes and objects

    public enum FieldKind { TYPE, FIXED_VALUE, VALUE_SET, OBJECT, OBJECT_SET }

    /** A field spec of a CLASS: {@code &id ProtocolIE-ID UNIQUE}, {@code &Value}, {@code &criticality Criticality DEFAULT ignore}. */
    public record FieldSpec(String name, FieldKind kind, Type type, boolean unique, boolean optional, Value defaultValue,
                            Type defaultType) {
    }

    /** WITH SYNTAX element: a literal word, a field reference, or an optional group. */
    public sealed interface SyntaxElem permits SyntaxLiteral, SyntaxField, SyntaxOptional {
    }

    public record SyntaxLiteral(String word) implements SyntaxElem {
    }

    public record SyntaxField(String field) implements SyntaxElem {
    }

    public record SyntaxOptional(List<SyntaxElem> elems) implements SyntaxElem {
    }

    public record ClassDef(List<FieldSpec> fields, List<SyntaxElem> syntax) {
    }

    /** An object: defined syntax (tokens between the braces) or a reference to a named object. */
    public sealed interface ObjectDef permits DefinedObject, ObjectRef {
    }

    public record DefinedObject(List<Token> tokens, Token at) implements ObjectDef {
    }

    public record ObjectRef(String name, Token at) implements ObjectDef {
    }

    /** An object set: root elements, extension marker, additional elements. */
    public record ObjectSet(List<ObjectSetElem> root, boolean extensible, List<ObjectSetElem> additional, Token at) {
    }

    /** Element of an object set: an inline object, or a reference to an object or object set (decided later). */
    public sealed interface ObjectSetElem permits InlineObject, SetOrObjectRef {
    }

    public record InlineObject(DefinedObject object) implements ObjectSetElem {
    }

    public record SetOrObjectRef(String name, List<ActualParam> actuals, Token at) implements ObjectSetElem {
    }
}
