package cn.etdz.indicator.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a submission's values make the new revision of its zone-period. */
@Schema(name = "SubmissionMode", description = "REPLACE (the default): the values sent are the whole new revision; "
        + "an indicator not sent is missing from it. AMEND: the values sent (and those named in remove) change the "
        + "newest revision; every other value is carried forward.")
public enum SubmissionMode {
    /** The values sent are the whole revision; what the submission does not name is not in it. */
    REPLACE,
    /** The values sent change the newest revision; every value not named is carried forward unchanged. */
    AMEND
}
