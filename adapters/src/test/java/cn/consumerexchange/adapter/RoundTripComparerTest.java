package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;

class RoundTripComparerTest {

    static final String NAME = "/ExchangeMessage/Complaint/Complainant/Name";
    static final String ADDRESS = "/ExchangeMessage/Complaint/Respondent/Address";
    static final String FACTS = "/ExchangeMessage/Complaint/Facts";
    static final String CATEGORY = "/ExchangeMessage/Complaint/Category";
    static final String ID_NUMBER = "/ExchangeMessage/Complaint/Complainant/IdNumber";
    static final String PHONE = "/ExchangeMessage/Complaint/Complainant/Phone";

    final ContractCodec codec = ContractCodec.standard();

    @Test
    void fieldsAreListedByPathWithRepetitionsAndAttributes() {
        ContractFields fields = ContractFields.of(complaint());

        assertThat(fields.values(NAME)).containsExactly("李晓华");
        assertThat(fields.values("/ExchangeMessage/Complaint/Requests/Request"))
                .containsExactly("REFUND", "COMPENSATION");
        assertThat(fields.values("/ExchangeMessage/Complaint/Purchase/Amount/@currency")).containsExactly("CNY");
        assertThat(fields.paths()).doesNotContain("/ExchangeMessage/Complaint/Requests");
    }

    @Test
    void anUnchangedMessageHasNoDrift() {
        ContractFields fields = ContractFields.of(complaint());

        assertThat(RoundTripComparer.compare(fields, ContractFields.of(complaint()), fields.paths())).isEmpty();
    }

    @Test
    void swappedFieldsAreBothReportedAsMoved() {
        ExchangeMessage swapped = complaint();
        swapped.getComplaint().getComplainant().setName("上海市浦东新区张江路88号");
        swapped.getComplaint().getRespondent().setAddress("李晓华");
        swapped.getComplaint().setFacts("010203001");

        List<FieldDrift> drifts = RoundTripComparer.compare(ContractFields.of(complaint()),
                ContractFields.of(swapped), Set.of());

        assertThat(drifts).extracting(FieldDrift::path, FieldDrift::movedFrom).containsExactlyInAnyOrder(
                Tuple.tuple(NAME, ADDRESS),
                Tuple.tuple(ADDRESS, NAME),
                Tuple.tuple(FACTS, CATEGORY));
    }

    @Test
    void aDroppedFieldIsAllowedUnlessItMustBeKept() {
        ExchangeMessage withoutId = complaint();
        withoutId.getComplaint().getComplainant().setIdNumber(null);
        ContractFields sent = ContractFields.of(complaint());
        ContractFields read = ContractFields.of(withoutId);

        assertThat(RoundTripComparer.compare(sent, read, Set.of())).isEmpty();
        assertThat(RoundTripComparer.compare(sent, read, Set.of(ID_NUMBER))).singleElement()
                .satisfies(drift -> assertThat(drift.lost()).isTrue())
                .extracting(drift -> drift.describe(path -> path)).asString()
                .contains(ID_NUMBER).contains("440305199001011234");
    }

    @Test
    void aChangedValueIsReportedWithBothValues() {
        ExchangeMessage changed = complaint();
        changed.getComplaint().getComplainant().setPhone("13900000000");

        assertThat(RoundTripComparer.compare(ContractFields.of(complaint()), ContractFields.of(changed), Set.of()))
                .singleElement().extracting(drift -> drift.describe(path -> path)).asString()
                .isEqualTo(PHONE + " changed from \"13800138000\" to \"13900000000\"");
    }

    private ExchangeMessage complaint() {
        return codec.read(Samples.bytes("contract/complaint.xml"));
    }
}
