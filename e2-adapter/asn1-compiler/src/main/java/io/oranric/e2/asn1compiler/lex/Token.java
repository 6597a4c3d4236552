package io.oranric.e2.asn1compiler.lex;

/** A token with its position (1-based line and column) in {@code file}. */
public record Token(TokenKind kind, String text, String file, int line, int col) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public boolean isWord(String w) {
        return kind == TokenKind.WORD && text.equals(w);
    }

    public String where() {
        return file + ":" + line + ":" + col;
    }

    @Override
    public String toString() {
        return kind == TokenKind.WORD || kind == TokenKind.NUMBER ? text : kind + (text.isEmpty() ? "" : "(" + text + ")");
    }
}
