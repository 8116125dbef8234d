package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.consumerexchange.contract.DivisionCodes.Division;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    private static DivisionCodes parse(String csv) throws IOException {
        return DivisionCodes.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Parsing {

        private DivisionCodes shenzhen() throws IOException {
            try (InputStream csv = getClass().getResourceAsStream("/divisions/shenzhen.csv")) {
                return DivisionCodes.load(csv);
            }
        }

        @Test
        void readsEveryRowDespiteByteOrderMarkAndBlankLines() throws IOException {
            assertThat(shenzhen().size()).isEqualTo(3);
        }

        @Test
        void findsADivisionWithItsParent() throws IOException {
            assertThat(shenzhen().find("440305")).contains(new Division("440305", "南山区", "440300"));
        }

        @Test
        void provinceHasNoParent() throws IOException {
            assertThat(shenzhen().find("440000")).contains(new Division("440000", "广东省", null));
        }

        @Test
        void unknownCodeIsNotFound() throws IOException {
            DivisionCodes divisions = shenzhen();

            assertThat(divisions.find("440306")).isEmpty();
            assertThat(divisions.isKnown("440306")).isFalse();
            assertThat(divisions.isKnown(null)).isFalse();
        }

        @Test
        void refusesAnotherHeader() {
            assertThatIllegalArgumentException().isThrownBy(() -> parse("code;name;parent\n"));
        }

        @Test
        void refusesARowWithoutThreeFields() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse("code,name,parent\n440300,深圳市\n"))
                    .withMessage("line 2: expected code,name,parent: 440300,深圳市");
        }

        @Test
        void refusesACodeWithoutSixDigits() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse("code,name,parent\n4403,深圳市,440000\n"))
                    .withMessage("line 2: codes have 6 digits: 4403,深圳市,440000");
        }
    }

    @Nested
    class ProjectTable {

        private final DivisionCodes divisions = DivisionCodes.fromClasspath();

        @Test
        void knowsPrefecturesAndCounties() {
            assertThat(divisions.find("440300")).contains(new Division("440300", "深圳市", "440000"));
            assertThat(divisions.find("310115")).contains(new Division("310115", "浦东新区", "310000"));
        }

        @Test
        void knowsHongKongAndMacao() {
            assertThat(divisions.isKnown("810000")).isTrue();
            assertThat(divisions.isKnown("820000")).isTrue();
        }

        @Test
        void doesNotKnowMadeUpCodes() {
            assertThat(divisions.isKnown("310199")).isFalse();
        }
    }

    @Nested
    class Provinces {

        private final DivisionCodes divisions = DivisionCodes.fromClasspath();

        @Test
        void provinceOfACountyIsItsFirstTwoDigits() {
            assertThat(divisions.provinceOf("440305")).isEqualTo("440000");
        }

        @Test
        void provinceOfAProvinceIsItself() {
            assertThat(divisions.provinceOf("810000")).isEqualTo("810000");
        }

        @Test
        void provinceOfAMalformedCodeIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> divisions.provinceOf("4403"));
        }
    }
}
