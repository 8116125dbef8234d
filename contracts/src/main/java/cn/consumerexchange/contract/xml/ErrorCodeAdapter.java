package cn.consumerexchange.contract.xml;

import cn.consumerexchange.contract.ErrorCode;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** Binds the schema's {@code RejectionCode} to {@link ErrorCode}, so the codes exist once in Java. */
public final class ErrorCodeAdapter extends XmlAdapter<String, ErrorCode> {

    @Override
    public ErrorCode unmarshal(String value) {
        return value == null ? null : ErrorCode.valueOf(value.strip());
    }

    @Override
    public String marshal(ErrorCode value) {
        return value == null ? null : value.name();
    }
}
