package cn.consumerexchange.gateway.related;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.consumerexchange.contract.v1.Complainant;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.PurchaseChannel;
import cn.consumerexchange.contract.v1.Respondent;

/** Complaints for the related-case tests, built field by field; each {@code with...} returns a changed copy. */
record TestComplaints(String name, String phone, String idNumber, String business, String creditCode, String address,
        String store, LocalDate date, String amount) {

    static TestComplaints liXiaohua() {
        return new TestComplaints("李晓华", "13800138000", "440305199001011234", "上海浦江数码科技有限公司",
                "91310115MA1H8Q6T2C", "上海市浦东新区张江路88号", "浦江数码官方商城", LocalDate.of(2026, 5, 3),
                "2399.00");
    }

    TestComplaints withConsumer(String newName, String newPhone, String newId) {
        return new TestComplaints(newName, newPhone, newId, business, creditCode, address, store, date, amount);
    }

    TestComplaints withRespondent(String newBusiness, String newCode, String newAddress) {
        return new TestComplaints(name, phone, idNumber, newBusiness, newCode, newAddress, store, date, amount);
    }

    TestComplaints withPurchase(LocalDate newDate, String newAmount) {
        return new TestComplaints(name, phone, idNumber, business, creditCode, address, store, newDate, newAmount);
    }

    ExchangeMessage message() {
        Complaint complaint = new Complaint();
        Complainant consumer = new Complainant();
        consumer.setName(name);
        consumer.setPhone(phone);
        consumer.setIdNumber(idNumber);
        complaint.setComplainant(consumer);
        Respondent respondent = new Respondent();
        respondent.setName(business);
        respondent.setCreditCode(creditCode);
        respondent.setAddress(address);
        respondent.setDivisionCode("310115");
        complaint.setRespondent(respondent);
        Purchase purchase = new Purchase();
        purchase.setChannel(PurchaseChannel.ONLINE);
        purchase.setStore(store);
        purchase.setDate(date);
        Money money = new Money();
        money.setValue(new BigDecimal(amount));
        money.setCurrency(Currency.CNY);
        purchase.setAmount(money);
        complaint.setPurchase(purchase);
        ExchangeMessage message = new ExchangeMessage();
        message.setComplaint(complaint);
        return message;
    }
}
