package io.oranric.e2.asn1compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.asn1compiler.lex.Lexer;
import io.oranric.e2.asn1compiler.lex.Token;
import io.oranric.e2.asn1compiler.lex.TokenKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> texts(String src) {
        return new Lexer(src, "t.asn", new Diagnostics()).tokenize().stream()
                .filter(t -> t.kind() != TokenKind.EOF).map(t -> t.kind() == TokenKind.WORD || t.kind() == TokenKind.NUMBER
                        ? t.text() : t.kind().name()).toList();
    }

    @Test
    void commentsEndAtTheLineOrAtTheNextDoubleHyphen() {
        assertThat(texts("a -- comment -- b\nc")).containsExactly("a", "b", "c");
        // "--- GA: ..." as in the E2SM-CCC module: one comment to the end of the line
        assertThat(texts("eventTime OCTET STRING (8)    --- GA: As per Spec, (64-bit) x\nNext")).containsExactly(
                "eventTime", "OCTET", "STRING", "LPAREN", "8", "RPAREN", "Next");
        assertThat(texts("x /* block /* nested */ still */ y")).containsExactly("x", "y");
        // X.680: "--" ends a comment too, so a run of hyphens is a row of empty comments
        assertThat(texts("-------- banner\nz")).containsExactly("banner", "z");
        assertThat(texts("------- odd\nz")).containsExactly("z");
    }

    @Test
    void rangesEllipsesAndReferences() {
        assertThat(texts("(1.. 65535, ...)")).containsExactly("LPAREN", "1", "RANGE", "65535", "COMMA", "ELLIPSIS", "RPAREN");
        assertThat(texts("E2AP-PROTOCOL-IES.&id ({IEs}{@id})")).containsExactly("E2AP-PROTOCOL-IES", "DOT", "FIELD", "LPAREN",
                "LBRACE", "IEs", "RBRACE", "LBRACE", "AT", "id", "RBRACE", "RPAREN");
        assertThat(texts("[[ a BOOLEAN ]] ::=")).containsExactly("LDBRACKET", "a", "BOOLEAN", "RDBRACKET", "ASSIGN");
        Token t = new Lexer("\n  id-RICrequestID", "f.asn", new Diagnostics()).tokenize().get(0);
        assertThat(t.where()).isEqualTo("f.asn:2:3");
        assertThat(t.text()).isEqualTo("id-RICrequestID");
    }
}
