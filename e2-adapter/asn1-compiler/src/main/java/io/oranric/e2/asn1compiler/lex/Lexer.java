package io.oranric.e2.asn1compiler.lex;

import io.oranric.e2.asn1compiler.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits ASN.1 text into tokens. Comments: {@code --} to the end of the line or to the next {@code --},
 * and nested {@code /* ... *}{@code /} blocks.
 */
public final class Lexer {

    private final String src;
    private final String file;
    private final Diagnostics diag;
    private int i;
    private int line = 1;
    private int lineStart;

    public Lexer(String src, String file, Diagnostics diag) {
        this.src = src;
        this.file = file;
        this.diag = diag;
    }

    public List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= src.length()) {
                out.add(tok(TokenKind.EOF, "", i));
                return out;
            }
            int start = i;
            char c = src.charAt(i);
            if (Character.isLetter(c)) {
                i++;
                while (i < src.length()) {
                    char d = src.charAt(i);
                    if (Character.isLetterOrDigit(d) || d == '_') {
                        i++;
                    } else if (d == '-' && i + 1 < src.length() && (Character.isLetterOrDigit(src.charAt(i + 1)))
                            && src.charAt(i + 1) != '-') {
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(tok(TokenKind.WORD, src.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
                out.add(tok(TokenKind.NUMBER, src.substring(start, i), start));
            } else if (c == '&') {
                i++;
                int s = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i))
                        || (src.charAt(i) == '-' && i + 1 < src.length() && Character.isLetterOrDigit(src.charAt(i + 1))))) {
                    i++;
                }
                out.add(tok(TokenKind.FIELD, src.substring(s, i), start));
            } else if (c == '"') {
                i++;
                StringBuilder sb = new StringBuilder();
                while (i < src.length()) {
                    char d = src.charAt(i);
                    if (d == '"') {
                        if (i + 1 < src.length() && src.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (d == '\n') {
                        newline(i);
                    }
                    sb.append(d);
                    i++;
                }
                i++;
                out.add(tok(TokenKind.CSTRING, sb.toString(), start));
            } else if (c == '\'') {
                int close = src.indexOf('\'', i + 1);
                if (close < 0 || close + 1 >= src.length()) {
                    diag.error(where(start), "unterminated bstring/hstring");
                    i = src.length();
                    continue;
                }
                String body = src.substring(i + 1, close).replaceAll("\\s", "");
                char suffix = src.charAt(close + 1);
                i = close + 2;
                out.add(tok(suffix == 'B' ? TokenKind.BSTRING : TokenKind.HSTRING, body, start));
            } else {
                i++;
                switch (c) {
                    case ':':
                        if (src.startsWith(":=", i)) {
                            i += 2;
                            out.add(tok(TokenKind.ASSIGN, "", start));
                        } else {
                            out.add(tok(TokenKind.COLON, "", start));
                        }
                        break;
                    case '{': out.add(tok(TokenKind.LBRACE, "", start)); break;
                    case '}': out.add(tok(TokenKind.RBRACE, "", start)); break;
                    case '(': out.add(tok(TokenKind.LPAREN, "", start)); break;
                    case ')': out.add(tok(TokenKind.RPAREN, "", start)); break;
                    case '[':
                        if (i < src.length() && src.charAt(i) == '[') {
                            i++;
                            out.add(tok(TokenKind.LDBRACKET, "", start));
                        } else {
                            out.add(tok(TokenKind.LBRACKET, "", start));
                        }
                        break;
                    case ']':
                        if (i < src.length() && src.charAt(i) == ']') {
                            i++;
                            out.add(tok(TokenKind.RDBRACKET, "", start));
                        } else {
                            out.add(tok(TokenKind.RBRACKET, "", start));
                        }
                        break;
                    case ',': out.add(tok(TokenKind.COMMA, "", start)); break;
                    case '.':
                        if (src.startsWith("..", i)) {
                            i += 2;
                            out.add(tok(TokenKind.ELLIPSIS, "", start));
                        } else if (src.startsWith(".", i)) {
                            i += 1;
                            out.add(tok(TokenKind.RANGE, "", start));
                        } else {
                            out.add(tok(TokenKind.DOT, "", start));
                        }
                        break;
                    case '|': out.add(tok(TokenKind.BAR, "", start)); break;
                    case '^': out.add(tok(TokenKind.CARET, "", start)); break;
                    case '@': out.add(tok(TokenKind.AT, "", start)); break;
                    case '!': out.add(tok(TokenKind.EXCL, "", start)); break;
                    case '<': out.add(tok(TokenKind.LT, "", start)); break;
                    case ';': out.add(tok(TokenKind.SEMI, "", start)); break;
                    case '-': out.add(tok(TokenKind.MINUS, "", start)); break;
                    default:
                        diag.error(where(start), "unexpected character '" + c + "'");
                }
            }
        }
    }

    private void skipSpaceAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                newline(i);
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("--", i)) {
                i += 2;
                while (i < src.length() && src.charAt(i) != '\n') {
                    if (src.startsWith("--", i)) {
                        i += 2;
                        break;
                    }
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (src.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (src.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        if (src.charAt(i) == '\n') {
                            newline(i);
                        }
                        i++;
                    }
                } while (depth > 0 && i < src.length());
            } else {
                return;
            }
        }
    }

    private void newline(int at) {
        line++;
        lineStart = at + 1;
    }

    private Token tok(TokenKind k, String text, int start) {
        return new Token(k, text, file, line, start - lineStart + 1);
    }

    private String where(int start) {
        return file + ":" + line + ":" + (start - lineStart + 1);
    }
}
