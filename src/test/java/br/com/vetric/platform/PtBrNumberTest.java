package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Numbers as people in Brazil type them: a decimal comma, dots for thousands, "R$" and "/kWh" welcome. */
class PtBrNumberTest {

    @Test
    void readsTheBrazilianWayWithOrWithoutTheCurrencyAndUnit() {
        assertThat(PtBrNumber.parse("0,80")).isEqualByComparingTo("0.80");
        assertThat(PtBrNumber.parse("R$ 0,80")).isEqualByComparingTo("0.80");
        assertThat(PtBrNumber.parse(" r$0,8234/kWh ")).isEqualByComparingTo("0.8234");
        assertThat(PtBrNumber.parse("R$\u00A01.234,56")).isEqualByComparingTo("1234.56");
        assertThat(PtBrNumber.parse(",5")).isEqualByComparingTo("0.5");
        assertThat(PtBrNumber.parse("12")).isEqualByComparingTo("12");
        assertThat(PtBrNumber.parse("-0,10")).isEqualByComparingTo("-0.10");
        assertThat(PtBrNumber.parse("1.250.000")).isEqualByComparingTo("1250000");
        assertThat(PtBrNumber.parse("  ")).isNull();
    }

    @Test
    void aDecimalPointIsReadOnlyWhenItCannotMeanThousands() {
        assertThat(PtBrNumber.parse("0.80")).isEqualByComparingTo("0.80");
        assertThat(PtBrNumber.parse("1.5")).isEqualByComparingTo("1.5");
        assertThat(PtBrNumber.parse("0.812345")).isEqualByComparingTo("0.812345");
        assertThat(PtBrNumber.parse("0.800")).isEqualByComparingTo("0.8");
        assertThatThrownBy(() -> PtBrNumber.parse("1.250"))
                .isInstanceOfSatisfying(
                        PtBrNumber.InvalidNumberException.class,
                        e -> assertThat(e.problem()).isEqualTo(PtBrNumber.Problem.AMBIGUOUS));
    }

    @Test
    void refusesWhatIsNotANumber() {
        for (String text : new String[] {"abc", "1,2,3", "1.23,4", "0,80 reais", "R$", "1..5", "12,"}) {
            assertThatThrownBy(() -> PtBrNumber.parse(text))
                    .as(text)
                    .isInstanceOfSatisfying(
                            PtBrNumber.InvalidNumberException.class,
                            e -> assertThat(e.problem()).isEqualTo(PtBrNumber.Problem.NOT_A_NUMBER));
        }
    }
}
