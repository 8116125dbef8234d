package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The working-day calendars as loaded from the seeds, and the checks that keep a wrong file from loading. */
class WorkingDayCalendarTest {

    final CalendarRegistry calendars = SeedCalendars.registry();
    final WorkingDayCalendar mainland = calendars.calendar(CalendarRegion.CN);

    @Test
    void workingWeekendDaysWorkAndHolidaysRestWhateverTheWeekday() {
        assertThat(mainland.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Sat, 春节调休上班").isTrue();
        assertThat(mainland.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Mon, 春节").isFalse();
        assertThat(mainland.isWorkingDay(LocalDate.of(2026, 2, 24))).as("an ordinary Tuesday").isTrue();
        assertThat(mainland.isWorkingDay(LocalDate.of(2026, 3, 1))).as("an ordinary Sunday").isFalse();
        assertThat(mainland.isWorkingDay(LocalDate.of(2025, 9, 28))).as("Sun 2025, 国庆调休上班").isTrue();
    }

    @Test
    void sevenWorkingDaysAcrossTheSpringFestivalCountItsWorkingSaturdays() {
        // Received Fri 2026-02-13, not counted. Sat 2/14 (working) 1; Sun 2/15 - Mon 2/23 春节; Tue 2/24 2,
        // Wed 3, Thu 4, Fri 2/27 5; Sat 2/28 (working) 6; Sun 3/1 rest; Mon 3/2 7.
        assertThat(mainland.plusWorkingDays(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(mainland.workingDaysAfter(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 2))).isEqualTo(7);
    }

    @Test
    void hongKongAndMacaoKeepTheirOwnHolidays() {
        LocalDate easterMonday = LocalDate.of(2026, 4, 6);
        LocalDate dayAfterEasterMonday = LocalDate.of(2026, 4, 7);
        assertThat(calendars.calendar(CalendarRegion.HK).isWorkingDay(dayAfterEasterMonday)).isFalse();
        assertThat(mainland.isWorkingDay(dayAfterEasterMonday)).isTrue();
        assertThat(calendars.calendar(CalendarRegion.MO).isWorkingDay(easterMonday)).isFalse();
        assertThat(calendars.calendar(CalendarRegion.MO).isWorkingDay(LocalDate.of(2026, 12, 21))).as("补假")
                .isFalse();
        assertThat(mainland.isWorkingDay(LocalDate.of(2026, 12, 21))).isTrue();
    }

    @Test
    void aYearWithoutACalendarIsNeverGuessed() {
        // 2027-01-04 is an ordinary Monday, but no one knows yet what the 2027 notice says of it.
        assertThatThrownBy(() -> mainland.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(CalendarMissingException.class, e -> {
                    assertThat(e.code()).isEqualTo(DeadlineError.CALENDAR_MISSING);
                    assertThat(e.region()).isEqualTo(CalendarRegion.CN);
                    assertThat(e.year()).isEqualTo(2027);
                })
                .hasMessageContaining("CN 2027").hasMessageContaining("CN-2027.csv");
        assertThatThrownBy(() -> calendars.calendar(CalendarRegion.HK).isWorkingDay(LocalDate.of(2025, 6, 2)))
                .isInstanceOf(CalendarMissingException.class).hasMessageContaining("HK 2025");
    }

    @Test
    void theMissingYearsAreTheCurrentOneAndFromDecemberTheNext() {
        assertThat(calendars.missingYears(CalendarRegion.CN, LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(calendars.missingYears(CalendarRegion.CN, LocalDate.of(2026, 12, 1))).containsExactly(2027);
        assertThat(calendars.missingYears(CalendarRegion.HK, LocalDate.of(2025, 6, 1))).containsExactly(2025);
        assertThat(calendars.loadedYears(CalendarRegion.CN)).containsExactly(2025, 2026);
    }

    @Nested
    class ABadFileFailsWithItsFileAndLine {

        @Test
        void aDateThatIsNoDate() {
            assertThatThrownBy(() -> read("CN-2027.csv", "date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-02-30,HOLIDAY,x\n"))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining("CALENDAR_INVALID").hasMessageContaining("CN-2027.csv line 3")
                    .hasMessageContaining("2027-02-30");
        }

        @Test
        void aKindThatIsNoKind() {
            assertThatThrownBy(() -> read("CN-2027.csv", "date,kind,name\n2027-01-01,HOLIDAYS,元旦\n"))
                    .hasMessageContaining("CN-2027.csv line 2").hasMessageContaining("HOLIDAYS");
        }

        @Test
        void aDateOutsideTheFilesYear() {
            assertThatThrownBy(() -> read("CN-2027.csv", "date,kind,name\n2026-12-31,HOLIDAY,元旦\n"))
                    .hasMessageContaining("CN-2027.csv line 2").hasMessageContaining("outside the file's year 2027");
        }

        @Test
        void aWeekdayMadeAWorkingDay() {
            // 2027-01-04 is a Monday: a WORKING_DAY row there means the file is wrong, not that Monday works.
            assertThatThrownBy(() -> read("CN-2027.csv", "date,kind,name\n2027-01-04,WORKING_DAY,调休\n"))
                    .hasMessageContaining("line 2").hasMessageContaining("only a Saturday or Sunday");
        }

        @Test
        void aDayListedTwice() {
            assertThatThrownBy(() -> read("CN-2027.csv",
                    "date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-01-01,HOLIDAY,元旦\n"))
                    .hasMessageContaining("line 3").hasMessageContaining("listed twice");
        }

        @Test
        void aFileOfNoKnownRegionOrWithoutItsHeader() {
            assertThatThrownBy(() -> read("TW-2027.csv", "date,kind,name\n"))
                    .hasMessageContaining("unknown calendar region TW");
            assertThatThrownBy(() -> read("CN2027.csv", "date,kind,name\n"))
                    .hasMessageContaining("<REGION>-<YEAR>.csv");
            assertThatThrownBy(() -> read("CN-2027.csv", "2027-01-01,HOLIDAY,元旦\n"))
                    .hasMessageContaining("line 1").hasMessageContaining("header");
        }

        @Test
        void aGoodFileLoads() throws Exception {
            CalendarYear year = read("CN-2027.csv", "\uFEFFdate,kind,name\n2027-01-01,HOLIDAY,元旦\n\n");
            assertThat(year.region()).isEqualTo(CalendarRegion.CN);
            assertThat(year.year()).isEqualTo(2027);
            assertThat(year.days()).containsEntry(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY).hasSize(1);
        }

        private CalendarYear read(String name, String text) throws Exception {
            return CalendarFiles.read(name, "test/" + name, new StringReader(text));
        }
    }
}
