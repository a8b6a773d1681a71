package cn.etdz.indicator.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A period's state and every transition that led there.
 *
 * @param period      the year
 * @param state       OPEN (never closed), CLOSED (new revisions are refused) or REOPENED
 * @param changedBy   token subject of the administrator of the last transition; absent while OPEN
 * @param changedAt   when the last transition was stored
 * @param reason      why
 * @param transitions every close and reopen, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Period", description = "A period's state for new revisions, with who changed it, when and why.")
public record PeriodView(String period, PeriodState state, String changedBy, OffsetDateTime changedAt, String reason,
                         List<Transition> transitions) {

    /** One close or reopen. */
    @Schema(name = "PeriodTransition", description = "One close or reopen of a period: from and to which state, by whom, "
            + "when and why.")
    public record Transition(PeriodState from, PeriodState to, String changedBy, OffsetDateTime changedAt,
                             String reason) {
    }
}
