package br.com.vetric.condominium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CnpjTest {

    @Test
    void acceptsANumericCnpjWithOrWithoutPunctuationAndStoresItBare() {
        assertThat(Cnpj.normalize("11.222.333/0001-81")).isEqualTo("11222333000181");
        assertThat(Cnpj.normalize(" 11222333000181 ")).isEqualTo("11222333000181");
        assertThat(Cnpj.format("11222333000181")).isEqualTo("11.222.333/0001-81");
    }

    @Test
    void acceptsTheReceitaFederalsAlphanumericExampleInAnyCase() {
        // the example of the Receita Federal's alphanumeric CNPJ (issued from July 2026)
        assertThat(Cnpj.normalize("12.ABC.345/01DE-35")).isEqualTo("12ABC34501DE35");
        assertThat(Cnpj.normalize("12abc34501de35")).isEqualTo("12ABC34501DE35");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-82", "11.222.333/0001-91", "12.ABC.345/01DE-36", "12.ABD.345/01DE-35"})
    void refusesWrongCheckDigits(String cnpj) {
        assertThatThrownBy(() -> Cnpj.normalize(cnpj)).hasMessageContaining("check digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1122233300018", "112223330001811", "11.222.333/0001-8A", "11 222 333 0001 8!", ""})
    void refusesWhatIsNotFourteenCharactersOfTheRightKind(String cnpj) {
        assertThatThrownBy(() -> Cnpj.normalize(cnpj)).hasMessageContaining("14 characters");
    }

    @Test
    void refusesACnpjOfOneRepeatedDigitThoughItsCheckDigitsAddUp() {
        assertThatThrownBy(() -> Cnpj.normalize("00.000.000/0000-00")).hasMessageContaining("not a valid CNPJ");
        assertThatThrownBy(() -> Cnpj.normalize("11111111111111")).hasMessageContaining("not a valid CNPJ");
    }
}
