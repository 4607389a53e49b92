package br.com.vetric.shared;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The hours in which energy costs the peak price: from {@code start} (inclusive) to {@code end} (exclusive) on
 * working days (Monday to Friday, not a national holiday). {@link #NONE} has no peak at all.
 */
public record PeakWindow(
        @Nullable LocalTime start, @Nullable LocalTime end) {

    public static final PeakWindow NONE = new PeakWindow(null, null);

    public PeakWindow {
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("a peak window needs both a start and an end");
        }
        if (start != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("the peak window must end after it starts");
        }
    }

    public boolean exists() {
        return start != null;
    }

    /** Whether a local wall time is inside the window. */
    public boolean isPeak(LocalDateTime local) {
        if (!exists() || !BrazilianHolidays.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** "17:30–20:29": as people read it (last minute inclusive); empty without a window. */
    public String label() {
        if (!exists()) {
            return "";
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        return start.format(hm) + "–" + end.minusMinutes(1).format(hm);
    }
}
