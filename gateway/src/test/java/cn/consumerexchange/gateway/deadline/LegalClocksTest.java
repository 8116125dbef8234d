package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * The legal clocks against the seed calendars, every due date worked out by hand in its test. Times are local to the
 * authority holding the clock (Asia/Shanghai unless said).
 */
class LegalClocksTest {

    final CalendarRegistry calendars = SeedCalendars.registry();
    final LegalClocks clocks = new LegalClocks(calendars, 2);

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CalendarRegion.CN.zone()).toInstant();
    }

    static Instant hongKong(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CalendarRegion.HK.zone()).toInstant();
    }

    @Nested
    class Acceptance {

        // Received Fri 2026-02-13 (not counted). Sat 2/14 is a working Saturday: 1. Sun 2/15 - Mon 2/23 春节.
        // Tue 2/24 2, Wed 2/25 3, Thu 2/26 4, Fri 2/27 5, Sat 2/28 working 6, Sun 3/1 rest, Mon 3/2 7.
        final ClockState received = clocks.start(ClockKind.ACCEPTANCE, "GW-1", shanghai("2026-02-13T16:00"),
                CalendarRegion.CN);

        @Test
        void sevenWorkingDaysAcrossTheSpringFestivalEndOnMonday() {
            ClockReading reading = clocks.read(received, shanghai("2026-02-14T09:00"));

            assertThat(reading.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(reading.dueAt()).isEqualTo(shanghai("2026-03-03T00:00"));
            assertThat(reading.status()).isEqualTo(ClockStatus.ON_TIME);
            assertThat(reading.ruleSet()).isEqualTo(RuleSet.ORDER_20);
            assertThat(reading.article()).isEqualTo("Order No. 20 art. 14");
        }

        @Test
        void operatorsAreWarnedTwoWorkingDaysBeforeAndFlaggedAfterTheEndOfTheDueDay() {
            // Thu 2/26: Fri 2/27, Sat 2/28, Mon 3/2 remain (3). Fri 2/27: Sat 2/28 and Mon 3/2 remain (2).
            assertThat(clocks.read(received, shanghai("2026-02-26T12:00")).status()).isEqualTo(ClockStatus.ON_TIME);
            assertThat(clocks.read(received, shanghai("2026-02-27T00:00")).status()).isEqualTo(ClockStatus.DUE_SOON);
            assertThat(clocks.read(received, shanghai("2026-03-02T23:59:59")).status())
                    .isEqualTo(ClockStatus.DUE_SOON);
            assertThat(clocks.read(received, shanghai("2026-03-03T00:00")).status()).isEqualTo(ClockStatus.MISSED);
        }

        @Test
        void aDecisionStopsItInTimeOrLate() {
            ClockReading inTime = clocks.read(received.stop(shanghai("2026-03-02T17:00")),
                    shanghai("2026-03-10T00:00"));
            ClockReading late = clocks.read(received.stop(shanghai("2026-03-03T09:00")),
                    shanghai("2026-03-10T00:00"));

            assertThat(inTime.status()).isEqualTo(ClockStatus.STOPPED);
            assertThat(inTime.stoppedInTime()).isTrue();
            assertThat(late.stoppedInTime()).isFalse();
            assertThatThrownBy(() -> received.stop(shanghai("2026-03-02T17:00")).stop(shanghai("2026-03-03T17:00")))
                    .isInstanceOfSatisfying(ClockTransitionException.class,
                            e -> assertThat(e.code()).isEqualTo(DeadlineError.ILLEGAL_CLOCK_TRANSITION));
        }

        @Test
        void itCannotBePausedForAppraisal() {
            assertThatThrownBy(() -> received.pause(shanghai("2026-02-20T10:00"), "鉴定"))
                    .isInstanceOf(ClockTransitionException.class).hasMessageContaining("cannot be paused");
        }
    }

    @Nested
    class RuleSetByReceiptDate {

        @Test
        void receivedOnTheFourteenthRunsUnderOrder20AndOnTheFifteenthUnderOrder121() {
            assertThat(RuleSets.forReceiptDate(LocalDate.of(2026, 4, 14))).isEqualTo(RuleSet.ORDER_20);
            assertThat(RuleSets.forReceiptDate(LocalDate.of(2026, 4, 15))).isEqualTo(RuleSet.ORDER_121);
            assertThat(RuleSets.forReceiptDate(LocalDate.of(2025, 1, 2))).isEqualTo(RuleSet.ORDER_20);
        }

        @Test
        void theReceiptDayIsTheAuthoritysDayNotUtcs() {
            // 2026-04-14T16:30Z is already 00:30 on the 15th in Shanghai.
            ClockState received = clocks.start(ClockKind.ACCEPTANCE, "GW-2", Instant.parse("2026-04-14T16:30:00Z"),
                    CalendarRegion.CN);
            assertThat(received.caseReceivedOn()).isEqualTo(LocalDate.of(2026, 4, 15));
            assertThat(received.ruleSet()).isEqualTo(RuleSet.ORDER_121);
        }

        @Test
        void mediationRunsFortyFiveWorkingDaysUnderOrder20AndSixtyDaysUnderOrder121() {
            Instant accepted = shanghai("2026-04-20T10:00");
            ClockState older = clocks.start(ClockKind.MEDIATION, "GW-3", shanghai("2026-04-14T10:00"), accepted,
                    CalendarRegion.CN);
            ClockState newer = clocks.start(ClockKind.MEDIATION, "GW-4", shanghai("2026-04-15T10:00"), accepted,
                    CalendarRegion.CN);
            Instant now = shanghai("2026-04-21T10:00");

            // Order No. 20, 45 working days after Mon 4/20: 4/21-24 4, 4/27-30 8, 劳动节 5/1-5, 5/6-8 11,
            // Sat 5/9 working 12, then 5 a week to Fri 6/12 37, 6/15-18 41, 端午 6/19-21, 6/22-25 45: Thu 6/25.
            ClockReading underOrder20 = clocks.read(older, now);
            assertThat(underOrder20.ruleSet()).isEqualTo(RuleSet.ORDER_20);
            assertThat(underOrder20.article()).isEqualTo("Order No. 20 art. 21(4)");
            assertThat(underOrder20.dueDate()).isEqualTo(LocalDate.of(2026, 6, 25));

            // Order No. 121, 60 days after 4/20: 4/30 is day 10, 5/31 day 41, 6/19 day 60, 端午节; 6/20-21 too;
            // so Mon 6/22 (art. 45).
            ClockReading underOrder121 = clocks.read(newer, now);
            assertThat(underOrder121.ruleSet()).isEqualTo(RuleSet.ORDER_121);
            assertThat(underOrder121.article()).isEqualTo("Order No. 121 art. 22-23");
            assertThat(underOrder121.dueDate()).isEqualTo(LocalDate.of(2026, 6, 22));
        }
    }

    @Nested
    class Mediation {

        @Test
        void sixtyDaysEndingOnANationalDayHolidayEndOnTheNextWorkingDay() {
            // Accepted Mon 2026-08-03; 60 days: 8/31 is day 28, 9/30 day 58, 10/2 day 60, in 国庆节 10/1-7:
            // the period ends Thu 10/8.
            ClockState mediation = clocks.start(ClockKind.MEDIATION, "GW-5", shanghai("2026-07-27T10:00"),
                    shanghai("2026-08-03T15:00"), CalendarRegion.CN);

            assertThat(clocks.read(mediation, shanghai("2026-08-04T00:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 10, 8));
            assertThat(clocks.calculator().dueDate(CalendarRegion.CN, LocalDate.of(2026, 8, 3), 60,
                    PeriodUnit.NATURAL_DAYS)).isEqualTo(LocalDate.of(2026, 10, 8));
        }

        @Test
        void aPeriodOfCalendarDaysEndingOnASundayEndsOnMonday() {
            // 2026-05-03 + 7 days is Sun 5/10: Mon 5/11.
            assertThat(clocks.calculator().dueDate(CalendarRegion.CN, LocalDate.of(2026, 5, 3), 7,
                    PeriodUnit.NATURAL_DAYS)).isEqualTo(LocalDate.of(2026, 5, 11));
        }

        @Test
        void timeForAppraisalIsNotCounted() {
            // Accepted Mon 2026-06-01: unpaused, 60 days end Fri 7/31. Appraisal from Wed 6/10 to Sat 6/20: the
            // days 6/11-6/20 (10) are not counted, so Mon 8/10.
            ClockState accepted = clocks.start(ClockKind.MEDIATION, "GW-6", shanghai("2026-05-25T10:00"),
                    shanghai("2026-06-01T10:00"), CalendarRegion.CN);
            assertThat(clocks.read(accepted, shanghai("2026-06-02T10:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 7, 31));

            ClockState paused = accepted.pause(shanghai("2026-06-10T11:00"), "鉴定: 送检测机构");
            ClockReading whilePaused = clocks.read(paused, shanghai("2026-08-20T10:00"));
            assertThat(whilePaused.status()).isEqualTo(ClockStatus.PAUSED);
            assertThat(whilePaused.dueDate()).isNull();
            assertThatThrownBy(() -> paused.pause(shanghai("2026-06-11T11:00"), "again"))
                    .isInstanceOf(ClockTransitionException.class).hasMessageContaining("already paused");

            ClockState resumed = paused.resume(shanghai("2026-06-20T09:00"));
            ClockReading afterAppraisal = clocks.read(resumed, shanghai("2026-08-03T10:00"));
            assertThat(afterAppraisal.dueDate()).isEqualTo(LocalDate.of(2026, 8, 10));
            assertThat(afterAppraisal.status()).isEqualTo(ClockStatus.ON_TIME);
            assertThat(clocks.read(resumed, shanghai("2026-08-11T00:00")).status()).isEqualTo(ClockStatus.MISSED);
        }

        @Test
        void anAgreementDuringAppraisalStopsItAndEndsThePause() {
            ClockState stopped = clocks.start(ClockKind.MEDIATION, "GW-7", shanghai("2026-05-25T10:00"),
                    shanghai("2026-06-01T10:00"), CalendarRegion.CN)
                    .pause(shanghai("2026-06-10T11:00"), "检测").stop(shanghai("2026-06-15T10:00"));

            ClockReading reading = clocks.read(stopped, shanghai("2026-09-01T10:00"));
            assertThat(reading.status()).isEqualTo(ClockStatus.STOPPED);
            assertThat(reading.stoppedInTime()).isTrue();
            // Paused 6/11-6/15 (5 days): 7/31 + 5 = Wed 8/5.
            assertThat(reading.dueDate()).isEqualTo(LocalDate.of(2026, 8, 5));
        }
    }

    @Nested
    class ClueCheckAndJurisdictionDispute {

        @Test
        void aClueCheckRunsFifteenWorkingDaysAndMayBeExtendedOnceByFifteen() {
            // Clue found Tue 2026-09-01: 9/2-4 3, 9/7-11 8, 9/14-18 13, Sun 9/20 working 14, Mon 9/21 15.
            // Extended: 9/22-24 18, 中秋 9/25-27, 9/28-30 21, 国庆 10/1-7, 10/8-9 23, Sat 10/10 working 24,
            // 10/12-16 29, Mon 10/19 30.
            ClockState clue = clocks.start(ClockKind.CLUE_CHECK, "GW-8", shanghai("2026-08-20T10:00"),
                    shanghai("2026-09-01T10:00"), CalendarRegion.CN);
            ClockReading reading = clocks.read(clue, shanghai("2026-09-02T10:00"));
            assertThat(reading.dueDate()).isEqualTo(LocalDate.of(2026, 9, 21));
            assertThat(reading.article()).isEqualTo("Order No. 121 art. 27");

            ClockState extended = clue.extend();
            assertThat(clocks.read(extended, shanghai("2026-09-02T10:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 10, 19));
            assertThatThrownBy(extended::extend).isInstanceOf(ClockTransitionException.class)
                    .hasMessageContaining("already extended once");
        }

        @Test
        void aReportsClueCheckCountsFromItsReceiptAndCannotBePaused() {
            // Report received Fri 2026-02-13 (Order No. 20). Sat 2/14 working 1, 春节 2/15-23, 2/24-27 5, Sat 2/28
            // working 6, 3/2-6 11, 3/9-12 15: Thu 3/12. Extended: 3/13 16, 3/16-20 21, 3/23-27 26, 3/30-4/2 30.
            ClockState clue = clocks.start(ClockKind.CLUE_CHECK, "GW-7", shanghai("2026-02-13T16:00"),
                    CalendarRegion.CN);

            ClockReading reading = clocks.read(clue, shanghai("2026-02-24T10:00"));
            assertThat(reading.dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(reading.ruleSet()).isEqualTo(RuleSet.ORDER_20);
            assertThat(reading.clock().rule().whenRunOut()).contains("立案");
            assertThat(clocks.read(clue.extend(), shanghai("2026-02-24T10:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 4, 2));
            assertThatThrownBy(() -> clue.pause(shanghai("2026-02-25T10:00"), "鉴定"))
                    .isInstanceOf(ClockTransitionException.class).hasMessageContaining("cannot be paused");
        }

        @Test
        void aDisputeSettledBeforeItsDueDayStopsInTime() {
            // Raised Mon 2026-09-14, due Tue 9/22 (below); the competent authority assigned on Mon 9/21.
            ClockState dispute = clocks.start(ClockKind.JURISDICTION_DISPUTE, "GW-10", shanghai("2026-09-10T10:00"),
                    shanghai("2026-09-14T10:00"), CalendarRegion.CN);

            ClockReading settled = clocks.read(dispute.stop(shanghai("2026-09-21T15:00")),
                    shanghai("2026-09-30T10:00"));

            assertThat(settled.status()).isEqualTo(ClockStatus.STOPPED);
            assertThat(settled.stoppedInTime()).isTrue();
            assertThat(settled.article()).isEqualTo("Order No. 121 art. 33");
        }

        @Test
        void aJurisdictionDisputeRunsSevenWorkingDaysThenIsMissedForEscalation() {
            // Raised Mon 2026-09-14: 9/15-18 4, Sun 9/20 working 5, 9/21 6, Tue 9/22 7.
            ClockState dispute = clocks.start(ClockKind.JURISDICTION_DISPUTE, "GW-9", shanghai("2026-09-10T10:00"),
                    shanghai("2026-09-14T10:00"), CalendarRegion.CN);

            ClockReading missed = clocks.read(dispute, shanghai("2026-09-23T08:00"));
            assertThat(missed.dueDate()).isEqualTo(LocalDate.of(2026, 9, 22));
            assertThat(missed.status()).isEqualTo(ClockStatus.MISSED);
            assertThat(dispute.rule().whenRunOut()).contains("escalate");
            assertThatThrownBy(dispute::extend).isInstanceOf(ClockTransitionException.class);
        }
    }

    @Nested
    class HongKong {

        @Test
        void aHongKongCaseCountsHongKongsEasterHolidays() {
            // Received Thu 2026-04-02 by the Consumer Council. HK: Good Friday 4/3, Sat 4/4 holiday, Sun,
            // Mon 4/6 and Tue 4/7 holidays; 4/8-10 3, 4/13-16 7: Thu 4/16. Mainland: Fri 4/3 1, 清明 4/4-6,
            // 4/7-10 5, 4/13-14 7: Tue 4/14.
            Partner consumerCouncil = partner("HK", "810000");
            CalendarRegion region = CalendarRegion.ofPartner(consumerCouncil);
            ClockState inHongKong = clocks.start(ClockKind.ACCEPTANCE, "GW-10", hongKong("2026-04-02T11:00"), region);
            ClockState onTheMainland = clocks.start(ClockKind.ACCEPTANCE, "GW-11", shanghai("2026-04-02T11:00"),
                    CalendarRegion.CN);

            assertThat(region).isEqualTo(CalendarRegion.HK);
            assertThat(clocks.read(inHongKong, hongKong("2026-04-03T09:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 4, 16));
            assertThat(clocks.read(inHongKong, hongKong("2026-04-03T09:00")).dueAt())
                    .isEqualTo(hongKong("2026-04-17T00:00"));
            assertThat(clocks.read(onTheMainland, shanghai("2026-04-03T09:00")).dueDate())
                    .isEqualTo(LocalDate.of(2026, 4, 14));
        }

        @Test
        void theCalendarIsTheHoldingAuthoritys() {
            assertThat(CalendarRegion.ofPartner(partner("MO", "820000"))).isEqualTo(CalendarRegion.MO);
            assertThat(CalendarRegion.ofPartner(partner("SZ", "440300"))).isEqualTo(CalendarRegion.CN);
            assertThat(CalendarRegion.ofPartner(partner("N12315"))).isEqualTo(CalendarRegion.CN);
            assertThat(CalendarRegion.ofDivision("810000")).isEqualTo(CalendarRegion.HK);
            assertThatThrownBy(() -> CalendarRegion.ofPartner(partner("XX", "440300", "820000")))
                    .hasMessageContaining("spans the calendars");
        }

        private Partner partner(String code, String... divisions) {
            return new Partner(code, "AUTH-" + code, code, List.of(divisions), "gba-xml", Transport.HTTP, null, null,
                    "http://localhost/" + code, null, true, null, null, null, null);
        }
    }

    @Nested
    class NoCalendar {

        @Test
        void aClockRunningIntoAYearWithoutCalendarSaysSoInsteadOfGuessing() {
            // Received Thu 2026-12-24: 12/25 1, 12/28-31 5, then 2027, which has no calendar yet.
            ClockState received = clocks.start(ClockKind.ACCEPTANCE, "GW-12", shanghai("2026-12-24T10:00"),
                    CalendarRegion.CN);

            assertThatThrownBy(() -> clocks.calculator().dueDate(received))
                    .isInstanceOf(CalendarMissingException.class).hasMessageContaining("CN 2027");
            ClockReading reading = clocks.read(received, shanghai("2026-12-25T10:00"));
            assertThat(reading.status()).isEqualTo(ClockStatus.CALENDAR_MISSING);
            assertThat(reading.dueDate()).isNull();
            assertThat(reading.problem()).contains("CALENDAR_MISSING").contains("CN 2027");
        }

        @Test
        void aHongKongCaseOf2025HasNoCalendarEither() {
            ClockState received = clocks.start(ClockKind.ACCEPTANCE, "GW-13", hongKong("2025-06-02T10:00"),
                    CalendarRegion.HK);
            assertThat(clocks.read(received, hongKong("2025-06-03T10:00")).status())
                    .isEqualTo(ClockStatus.CALENDAR_MISSING);
        }
    }
}
