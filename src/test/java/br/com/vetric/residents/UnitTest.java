package br.com.vetric.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

    @ParameterizedTest(name = "\"{0}\" + tower \"{1}\" is unit {2}, tower {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "802|-|802|-",
                "Apto 802|-|802|-",
                "apto. 802|-|802|-",
                "Ap.802|-|802|-",
                "Apartamento 0802|-|802|-",
                "nº 802|-|802|-",
                "802 A|-|802|A",
                "802a|-|802|A",
                "802-A|-|802|A",
                "802 / b|-|802|B",
                "Apto 802 A|-|802|A",
                "Apto 802 Torre A|-|802|A",
                "Apto 101 Torre A|Torre A|101|A",
                "Apto 101|Torre A|101|A",
                "802|a|802|A",
                "802|Bloco B|802|B",
                "Ap. 802 - Bloco B|-|802|B",
                "802, Bl. C|-|802|C",
                "Bloco B, Apto 12|-|12|B",
                "Torre 2 Apto 31|-|31|2",
                "Apto 5 Torre Jasmim|-|5|Jasmim",
                "Edifício Ipê 302|-|302|Ipê",
                "802|Torre 01|802|1",
                "  Apto   802  |  |802|-",
                "Cobertura|-|Cobertura|-",
                "Cobertura Torre A|-|Cobertura|A",
                "Casa 3|-|Casa 3|-",
                "loja  2|-|loja 2|-",
            })
    void normalisesWhatPeopleTypeAndImport(String apartment, String tower, String number, String expectedTower) {
        Unit unit = Unit.parse(apartment, tower);
        assertThat(unit.number()).isEqualTo(number);
        assertThat(unit.tower()).isEqualTo(expectedTower);
    }

    @ParameterizedTest(name = "\"{0}\" + tower \"{1}\" is refused on {2}: {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-|-|apartment|REQUIRED",
                "   |A|apartment|REQUIRED",
                "Torre A|-|apartment|REQUIRED",
                "802 A|B|tower|TOWER_CONFLICT",
                "802 Torre A|Torre B|tower|TOWER_CONFLICT",
                "802 A Torre B|-|tower|TOWER_CONFLICT",
                "12345678901234567890123456789012345678901|-|apartment|TOO_LONG",
            })
    void refusesWhatIsNotAUnitNamingTheField(String apartment, String tower, String field, Unit.Problem problem) {
        assertThatThrownBy(() -> Unit.parse(apartment, tower)).isInstanceOfSatisfying(Unit.Invalid.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(
            delimiter = '|',
            value = {"802|A|802 · Torre A", "802||802", "Cobertura|Jasmim|Cobertura · Torre Jasmim"})
    void peopleSeeNumberAndTower(String number, String tower, String label) {
        assertThat(new Unit(number, tower).label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "\"{0}\" is a query for unit {1}, tower {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {"802|802|-", "802 A|802|A", "apto 802 torre b|802|B", "Maria|Maria|-"})
    void aSearchIsReadWithTheSameRule(String text, String number, String tower) {
        assertThat(Unit.query(text)).hasValue(new Unit(number, tower));
        assertThat(Unit.query("  ")).isEmpty();
    }
}
