package io.oranric.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> texts(String s) {
        return Lexer.lex(s).stream().map(Token::text).toList();
    }

    private static BigDecimal firstNumber(String s) {
        return Lexer.lex(s).stream().filter(Token::isNumber).findFirst().orElseThrow().number();
    }

    @Test
    void letters_and_digits_split_and_joining_hyphens_drop() {
        assertThat(texts("cell-3")).containsExactly("cell", "3");
        assertThat(texts("cell3 3dB 40MHz gNB2")).containsExactly("cell", "3", "3", "db", "40", "mhz", "gnb", "2");
        assertThat(texts("low-latency")).containsExactly("low-latency");
    }

    @Test
    void signs_stick_only_where_no_range_dash_is_possible() {
        assertThat(firstNumber("by -3 dB")).isEqualByComparingTo("-3");
        assertThat(firstNumber("+2 dB")).isEqualByComparingTo("2");
        assertThat(texts("20-50%")).containsExactly("20", "-", "50", "%");
    }

    @Test
    void clock_times_decimals_and_thousands() {
        Token t = Lexer.lex("23:00").get(0);
        assertThat(t.kind()).isEqualTo(Token.Kind.TIME);
        assertThat(t.time()).isEqualTo(LocalTime.of(23, 0));
        assertThat(firstNumber("0.1 percent")).isEqualByComparingTo("0.1");
        assertThat(firstNumber("1,000 Mbps")).isEqualByComparingTo("1000");
        assertThat(texts("cells 1,2 and 3")).containsExactly("cells", "1", ",", "2", "and", "3");
    }

    @Test
    void number_words_fold_into_numbers() {
        assertThat(firstNumber("fifteen percent")).isEqualByComparingTo("15");
        assertThat(firstNumber("thirty-five dBm")).isEqualByComparingTo("35");
        assertThat(firstNumber("twenty five")).isEqualByComparingTo("25");
        assertThat(firstNumber("one hundred and twenty Mbps")).isEqualByComparingTo("120");
        assertThat(firstNumber("zero point one percent")).isEqualByComparingTo("0.1");
        assertThat(firstNumber("two thousand")).isEqualByComparingTo("2000");
        assertThat(texts("cell three and four")).containsExactly("cell", "three", "and", "four");
        assertThat(Lexer.lex("cell three and four").get(1).isNumber()).isTrue();
    }

    @Test
    void contractions_and_possessives_are_normalised() {
        assertThat(texts("don't")).containsExactly("do", "not");
        assertThat(texts("cell 1's power")).containsExactly("cell", "1", "power");
        assertThat(texts("What's")).containsExactly("what", "is");
    }
}
