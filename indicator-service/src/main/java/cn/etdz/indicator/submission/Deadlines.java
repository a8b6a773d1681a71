package cn.etdz.indicator.submission;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** When annual data is due: by the configured day (default 31 March) of the year after the period, inclusive. */
record Deadlines(MonthDay dueDay, ZoneId zone) {

    /** True when {@code receivedAt} falls after the due day of the year following {@code period}. */
    boolean isLate(String period, OffsetDateTime receivedAt) {
        LocalDate due = dueDay.atYear(Integer.parseInt(period) + 1);
        LocalDate received = receivedAt.atZoneSameInstant(zone).toLocalDate();
        return received.isAfter(due);
    }
}
