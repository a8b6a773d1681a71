package cn.etdz.indicator.submission;

import java.util.List;

/** Many submissions at once: {@code {"submissions": [ … ]}}. */
public record BatchRequest(List<SubmissionRequest> submissions) {
}
