package io.oranric.e2.asn1compiler.lex;

/** Token kinds of the ASN.1 subset. */
public enum TokenKind {
    /** Identifier or reference or keyword: letters, digits and single hyphens. */
    WORD,
    /** {@code &name} / {@code &Name} field reference (text holds the name without '&'). */
    FIELD,
    NUMBER,
    /** "quoted" character string (text without quotes). */
    CSTRING,
    /** 'bits'B (text holds the binary digits). */
    BSTRING,
    /** 'hex'H (text holds the hex digits). */
    HSTRING,
    ASSIGN,      // ::=
    LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET,
    LDBRACKET,   // [[
    RDBRACKET,   // ]]
    COMMA, DOT, RANGE /* .. */, ELLIPSIS /* ... */, BAR, CARET, AT, EXCL, LT, SEMI, COLON, MINUS,
    EOF
}
