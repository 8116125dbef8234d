package cn.consumerexchange.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PersonalDataMaskTest {

    @Nested
    class Names {

        @Test
        void aChineseNameKeepsItsFirstCharacter() {
            assertThat(PersonalDataMask.name("陈晓明")).isEqualTo("陈**");
            assertThat(PersonalDataMask.name("欧阳娜娜")).isEqualTo("欧***");
        }

        @Test
        void aLatinNameKeepsItsFirstLetter() {
            assertThat(PersonalDataMask.name("John")).isEqualTo("J***");
            assertThat(PersonalDataMask.name("Chan Tai Man")).isEqualTo("C***********");
        }

        @Test
        void aCharacterOutsideTheBasicPlaneCountsAsOne() {
            assertThat(PersonalDataMask.name("𠮷野家")).isEqualTo("𠮷**");
            assertThat(PersonalDataMask.name("李")).isEqualTo("李");
        }
    }

    @Nested
    class PhoneNumbers {

        @Test
        void keepTheirLastFourDigits() {
            assertThat(PersonalDataMask.phone("13800138000")).isEqualTo("*******8000");
        }

        @Test
        void keepTheirSeparatorsAndPlusSign() {
            assertThat(PersonalDataMask.phone("+86 138 0013 8000")).isEqualTo("+** *** **** 8000");
            assertThat(PersonalDataMask.phone("+852 9123-4567")).isEqualTo("+*** ****-4567");
        }

        @Test
        void ofFourDigitsOrFewerAreLeftAsTheyAre() {
            assertThat(PersonalDataMask.phone("1234")).isEqualTo("1234");
        }
    }

    @Nested
    class IdentityNumbers {

        @Test
        void aMainlandNumberKeepsItsFirstAndLastCharacter() {
            assertThat(PersonalDataMask.idNumber("440305199001011234")).isEqualTo("4****************4");
            assertThat(PersonalDataMask.idNumber("44030519900101123X")).isEqualTo("4****************X");
        }

        @Test
        void hongKongAndMacaoNumbersKeepTheirBrackets() {
            assertThat(PersonalDataMask.idNumber("A123456(7)")).isEqualTo("A******(7)");
            assertThat(PersonalDataMask.idNumber("AB987654(A)")).isEqualTo("A*******(A)");
            assertThat(PersonalDataMask.idNumber("1234567(8)")).isEqualTo("1******(8)");
        }

        @Test
        void aVeryShortNumberIsMaskedWhole() {
            assertThat(PersonalDataMask.idNumber("A1")).isEqualTo("**");
        }
    }

    @Test
    void anAddressKeepsItsFirstSixCharacters() {
        assertThat(PersonalDataMask.address("上海市浦东新区世纪大道100号")).isEqualTo("上海市浦东新*********");
        assertThat(PersonalDataMask.address("澳門新馬路")).isEqualTo("澳門新馬路");
        assertThat(PersonalDataMask.address("Flat 3, 12 Nathan Road")).isEqualTo("Flat 3****************");
    }

    @Test
    void aFreeTextLosesTheMobileAndIdentityNumbersInIt() {
        assertThat(PersonalDataMask.text(
                "请致电13800138000或+86 13900139000，身份证440305199001011234。订单号2026110200001234"))
                .isEqualTo("请致电*******8000或+** *******9000，身份证4****************4。订单号2026110200001234");
        assertThat(PersonalDataMask.text(null)).isNull();
    }

    @Test
    void aContractDocumentIsMaskedWherePersonalDataLives() throws Exception {
        Document contract = parse("""
                <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1">
                  <Complaint>
                    <OriginCaseNumber>SZ12315-2026-000123</OriginCaseNumber>
                    <Complainant><Name>陈晓明</Name><Phone>13800138000</Phone><IdNumber>A123456(7)</IdNumber></Complainant>
                    <Respondent><Name>上海浦江优选电器有限公司</Name><CreditCode>91310115MA1K3P8Q2W</CreditCode>
                      <Address>上海市浦东新区世纪大道100号</Address><DivisionCode>310115</DivisionCode></Respondent>
                    <Facts>电话 13800138000 打不通</Facts>
                    <Report><Reporter><Name>Mary Lee</Name><Phone>+852 9123 4567</Phone></Reporter>
                      <Clues>x</Clues></Report>
                  </Complaint>
                </ExchangeMessage>""");

        PersonalDataMask.mask(contract);

        assertThat(write(contract))
                .contains("<Name>陈**</Name>", "<Phone>*******8000</Phone>", "<IdNumber>A******(7)</IdNumber>",
                        "<Name>上海浦江优选电器有限公司</Name>", "<CreditCode>91310115MA1K3P8Q2W</CreditCode>",
                        "<Address>上海市浦东新*********</Address>", "<DivisionCode>310115</DivisionCode>",
                        "<Facts>电话 *******8000 打不通</Facts>", "<Name>M*******</Name>",
                        "<Phone>+*** **** 4567</Phone>", "<OriginCaseNumber>SZ12315-2026-000123</OriginCaseNumber>");
    }

    @Test
    void theConsumerOfAReturnRequestIsMaskedAndItsStoresAreNot() throws Exception {
        Document contract = parse("""
                <ExchangeMessage xmlns="urn:cn:consumer-exchange:contract:v1">
                  <ReturnRequest>
                    <ReturnStore><Name>岭南优品南山海岸城店</Name><StoreCode>LNYP-SZ-0305-01</StoreCode>
                      <DivisionCode>440305</DivisionCode></ReturnStore>
                    <Consumer><Name>林晓雯</Name><Phone>13760012345</Phone><IdNumber>440305199001011234</IdNumber></Consumer>
                  </ReturnRequest>
                </ExchangeMessage>""");

        PersonalDataMask.mask(contract);

        assertThat(write(contract)).contains("<Name>林**</Name>", "<Phone>*******2345</Phone>",
                "<IdNumber>4****************4</IdNumber>", "<Name>岭南优品南山海岸城店</Name>")
                .doesNotContain("13760012345", "晓雯");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(Document document) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(document),
                new StreamResult(out));
        return out.toString();
    }
}
