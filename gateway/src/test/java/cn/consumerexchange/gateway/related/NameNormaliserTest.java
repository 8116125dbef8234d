package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each way two regions write one thing differently folds to one key; different things stay apart. */
class NameNormaliserTest {

    @Nested
    class Text {

        @Test
        void fullWidthLettersAndDigitsBecomeHalfWidth() {
            assertThat(NameNormaliser.text("ＡＢＣ１２３")).isEqualTo(NameNormaliser.text("abc123")).isEqualTo("abc123");
        }

        @Test
        void traditionalCharactersBecomeSimplified() {
            assertThat(NameNormaliser.text("黃曉華")).isEqualTo(NameNormaliser.text("黄晓华"));
            assertThat(NameNormaliser.text("深圳市南山區文心五路33號")).isEqualTo("深圳市南山区文心五路33号");
        }

        @Test
        void hongKongVariantsFoldLikeTheirStandardForm() {
            assertThat(NameNormaliser.text("啟德")).isEqualTo(NameNormaliser.text("啓德")).isEqualTo("启德");
            assertThat(NameNormaliser.text("張艷")).isEqualTo(NameNormaliser.text("张艳"));
        }

        @Test
        void spacesAndPunctuationAreDropped() {
            assertThat(NameNormaliser.text(" 李 晓华 ")).isEqualTo("李晓华");
            assertThat(NameNormaliser.text("欧阳·娜娜")).isEqualTo("欧阳娜娜");
            assertThat(NameNormaliser.text("（深圳）")).isEqualTo("深圳");
        }

        @Test
        void nothingGivesEmpty() {
            assertThat(NameNormaliser.text(null)).isEmpty();
            assertThat(NameNormaliser.text(" ·, ")).isEmpty();
        }
    }

    @Nested
    class PersonName {

        @Test
        void latinNamesMeetWhateverTheirCaseAndHyphens() {
            assertThat(NameNormaliser.personName("WONG Chi Keung")).isEqualTo(NameNormaliser.personName("Wong Chi-keung"));
        }

        @Test
        void differentNamesStayApart() {
            assertThat(NameNormaliser.personName("李晓华")).isNotEqualTo(NameNormaliser.personName("李小华"));
        }
    }

    @Nested
    class BusinessName {

        @Test
        void chineseCompanyFormsAreOne() {
            String limited = NameNormaliser.businessName("上海浦江数码科技有限公司");
            assertThat(NameNormaliser.businessName("上海浦江数码科技有限责任公司")).isEqualTo(limited);
            assertThat(NameNormaliser.businessName("上海浦江数码科技股份有限公司")).isEqualTo(limited);
            assertThat(NameNormaliser.businessName("上海浦江数码科技公司")).isEqualTo(limited);
            assertThat(limited).isEqualTo("上海浦江数码科技");
        }

        @Test
        void traditionalAndFullWidthBusinessNamesMeet() {
            assertThat(NameNormaliser.businessName("深圳市海岸數碼科技有限公司"))
                    .isEqualTo(NameNormaliser.businessName("深圳市海岸数码科技有限责任公司"));
            assertThat(NameNormaliser.businessName("浦江数码（深圳）有限公司"))
                    .isEqualTo(NameNormaliser.businessName("浦江数码(深圳)有限公司"));
        }

        @Test
        void latinCompanyFormsAreOne() {
            String name = NameNormaliser.businessName("Harbour Digital Co., Ltd.");
            assertThat(NameNormaliser.businessName("Harbour Digital Company Limited")).isEqualTo(name);
            assertThat(NameNormaliser.businessName("HARBOUR DIGITAL LIMITED")).isEqualTo(name);
            assertThat(NameNormaliser.businessName("Harbour Digital Co Ltd")).isEqualTo(name);
            assertThat(name).isEqualTo("harbourdigital");
        }

        @Test
        void aNameThatIsOnlyAFormIsKept() {
            assertThat(NameNormaliser.businessName("公司")).isEqualTo("公司");
            assertThat(NameNormaliser.businessName("Limited")).isEqualTo("limited");
        }

        @Test
        void aBranchIsNotItsParent() {
            assertThat(NameNormaliser.businessName("浦江数码有限公司深圳分公司"))
                    .isNotEqualTo(NameNormaliser.businessName("浦江数码有限公司"));
        }
    }

    @Nested
    class Address {

        @Test
        void provinceAndAdministrativeMarkersMayBeLeftOut() {
            String full = NameNormaliser.address("广东省深圳市南山区文心五路33号");
            assertThat(NameNormaliser.address("深圳市南山区文心五路33号")).isEqualTo(full);
            assertThat(NameNormaliser.address("深圳南山区文心五路33号")).isEqualTo(full);
            assertThat(NameNormaliser.address("深圳市南山區文心五路３３號")).isEqualTo(full);
        }

        @Test
        void municipalitiesAndAutonomousRegionsLoseTheirPrefix() {
            assertThat(NameNormaliser.address("上海市浦东新区张江路88号"))
                    .isEqualTo(NameNormaliser.address("浦东新区张江路88号"));
            assertThat(NameNormaliser.address("广西壮族自治区南宁市青秀区民族大道1号"))
                    .isEqualTo(NameNormaliser.address("南宁青秀民族大道1号"));
        }

        @Test
        void anotherNumberIsAnotherAddress() {
            assertThat(NameNormaliser.address("深圳市南山区文心五路33号"))
                    .isNotEqualTo(NameNormaliser.address("深圳市南山区文心五路38号"));
        }
    }

    @Nested
    class Phone {

        @Test
        void mainlandPrefixesSpacesAndDashesAreDropped() {
            String mobile = NameNormaliser.phone("13800138000", "86");
            assertThat(mobile).isEqualTo("86-13800138000");
            assertThat(NameNormaliser.phone("+86 138 0013 8000", "86")).isEqualTo(mobile);
            assertThat(NameNormaliser.phone("0086-13800138000", "86")).isEqualTo(mobile);
            assertThat(NameNormaliser.phone("+8613800138000", "86")).isEqualTo(mobile);
            assertThat(NameNormaliser.phone("86 13800138000", "86")).isEqualTo(mobile);
            assertThat(NameNormaliser.phone("138-0013-8000", "86")).isEqualTo(mobile);
            assertThat(NameNormaliser.phone("１３８００１３８０００", "86")).isEqualTo(mobile);
        }

        @Test
        void aMainlandNumberFiledInHongKongIsStillMainland() {
            assertThat(NameNormaliser.phone("13800138000", "852")).isEqualTo("86-13800138000");
            assertThat(NameNormaliser.phone("+86 138 0013 8000", "852")).isEqualTo("86-13800138000");
        }

        @Test
        void landlinesLoseTheTrunkZero() {
            assertThat(NameNormaliser.phone("010-6512 3456", "86")).isEqualTo("86-1065123456");
            assertThat(NameNormaliser.phone("+86 10 6512 3456", "86")).isEqualTo("86-1065123456");
        }

        @Test
        void hongKongAndMacaoNumbersKeepTheirOwnCode() {
            String hongKong = NameNormaliser.phone("+852 9123 4567", "86");
            assertThat(hongKong).isEqualTo("852-91234567");
            assertThat(NameNormaliser.phone("9123 4567", "852")).isEqualTo(hongKong);
            assertThat(NameNormaliser.phone("(852) 91234567", "86")).isEqualTo(hongKong);
            assertThat(NameNormaliser.phone("00852-9123-4567", "86")).isEqualTo(hongKong);
            assertThat(NameNormaliser.phone("+853 6612 3456", "86")).isEqualTo("853-66123456");
            assertThat(NameNormaliser.phone("+853 9123 4567", "86")).isNotEqualTo(hongKong);
        }

        @Test
        void otherCountriesKeepTheirWholeNumber() {
            assertThat(NameNormaliser.phone("+7 423 222 3344", "86")).isEqualTo("+74232223344");
        }

        @Test
        void noDigitsGivesEmpty() {
            assertThat(NameNormaliser.phone("无", "86")).isEmpty();
            assertThat(NameNormaliser.phone(null, "86")).isEmpty();
        }
    }

    @Nested
    class Codes {

        @Test
        void creditCodesAreUpperCaseWithoutSeparators() {
            assertThat(NameNormaliser.code("91310115ma1h8q6t2c")).isEqualTo("91310115MA1H8Q6T2C");
            assertThat(NameNormaliser.code("9131 0115 MA1H 8Q6T 2C")).isEqualTo("91310115MA1H8Q6T2C");
            assertThat(NameNormaliser.code("９１３１０１１５ＭＡ１Ｈ８Ｑ６Ｔ２Ｃ")).isEqualTo("91310115MA1H8Q6T2C");
        }

        @Test
        void identityNumbersLoseParenthesesAndCase() {
            assertThat(NameNormaliser.idNumber("A123456(7)")).isEqualTo(NameNormaliser.idNumber("a1234567"));
            assertThat(NameNormaliser.idNumber("44030519900101123x")).isEqualTo("44030519900101123X");
        }
    }
}
