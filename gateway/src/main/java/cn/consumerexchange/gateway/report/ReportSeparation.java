package cn.consumerexchange.gateway.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.Complainant;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ComplaintReport;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Report;
import cn.consumerexchange.contract.v1.Reporter;

/**
 * Separates a complaint submitted together with a report (投诉与举报一并提出) into the two cases they are: the
 * complaint, with no trace of the report, and a REPORT message (举报).
 *
 * <p>《市场监督管理投诉举报处理暂行办法》 art. 9: a complaint and a report made in one submission are handled as separate
 * cases. Art. 37: the reporter's identity is kept confidential, so the report never travels inside the complaint, which
 * the respondent's side may see. The reporter is the one the report names, or else the complainant; respondent, received
 * time and receiving authority are the complaint's.
 *
 * <p>The separation is a pure function of the submission, so the delivery of either half can be rebuilt at any time
 * from the submission the ledger keeps.
 */
@Component
public class ReportSeparation {

    /** The suffix of the report's message id, after the submission's own: {@code SZ-AMR:20260512:000741:R}. */
    static final String REPORT_SUFFIX = ":R";
    private static final int MAX_MESSAGE_ID = 64;
    private static final int HASH_CHARS = 8;

    private final ContractCodec codec;

    public ReportSeparation(ContractCodec codec) {
        this.codec = codec;
    }

    /** The two halves of a submission: what the complaint's receiver gets, and the report case's message. */
    public record Separated(ExchangeMessage complaint, ExchangeMessage report) {
    }

    /** Whether the message is a complaint carrying a report part. */
    public static boolean carriesReport(ExchangeMessage message) {
        return message.getComplaint() != null && message.getComplaint().getReport() != null;
    }

    /**
     * Splits a schema-valid submission; the submission itself is left as it is.
     *
     * @return empty when the message is not a complaint with a report part
     */
    public Optional<Separated> separate(ExchangeMessage submission) {
        if (!carriesReport(submission)) {
            return Optional.empty();
        }
        byte[] written = codec.write(submission);
        ExchangeMessage complaint = codec.readWritten(written);
        complaint.getComplaint().setReport(null);
        return Optional.of(new Separated(complaint, report(codec.readWritten(written))));
    }

    /**
     * The report's message id: the submission's with {@value #REPORT_SUFFIX}. An id too long for that keeps its start
     * and a hash of the whole, so that two submissions never give one report id.
     */
    public static String reportMessageId(String submissionId) {
        if (submissionId.length() + REPORT_SUFFIX.length() <= MAX_MESSAGE_ID) {
            return submissionId + REPORT_SUFFIX;
        }
        String hash = sha256Hex(submissionId).substring(0, HASH_CHARS);
        int kept = MAX_MESSAGE_ID - REPORT_SUFFIX.length() - HASH_CHARS - 1;
        return submissionId.substring(0, kept) + ":" + hash + REPORT_SUFFIX;
    }

    private static ExchangeMessage report(ExchangeMessage copy) {
        Complaint complaint = copy.getComplaint();
        ComplaintReport part = complaint.getReport();
        Report report = new Report();
        report.setOriginCaseNumber(complaint.getOriginCaseNumber());
        report.setReporter(part.getReporter() != null ? part.getReporter() : reporter(complaint.getComplainant()));
        report.setRespondent(complaint.getRespondent());
        report.setClues(part.getClues());
        report.setReceivedAt(complaint.getReceivedAt());
        report.setReceivingAuthority(complaint.getReceivingAuthority());

        Envelope from = copy.getEnvelope();
        Envelope envelope = new Envelope();
        envelope.setMessageId(reportMessageId(from.getMessageId()));
        envelope.setMessageType(MessageKind.REPORT);
        envelope.setSender(from.getSender());
        envelope.setReceiver(from.getReceiver());
        envelope.getCaseRef().addAll(from.getCaseRef());
        envelope.setSentAt(from.getSentAt());
        envelope.setContractVersion(from.getContractVersion());
        // The submission's signature covers the submission, not this message made from it: it is not carried over.
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setReport(report);
        return message;
    }

    /** A complainant who reports without naming another reporter is the reporter (举报人). */
    private static Reporter reporter(Complainant complainant) {
        Reporter reporter = new Reporter();
        reporter.setName(complainant.getName());
        reporter.setPhone(complainant.getPhone());
        reporter.setIdNumber(complainant.getIdNumber());
        return reporter;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
