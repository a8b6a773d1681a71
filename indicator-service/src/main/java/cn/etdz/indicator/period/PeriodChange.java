package cn.etdz.indicator.period;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an administrator closes or reopens a period. */
@Schema(name = "PeriodChange", description = "Why a period is closed or reopened; kept with the transition.",
        example = """
                {"reason": "2015 official ranking published"}""")
public record PeriodChange(@Schema(description = "Why, 1 to 500 characters", required = true) String reason) {
}
