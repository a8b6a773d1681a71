package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.security.Caller;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Idempotency-Key of a caller: the hash of what it came with, the result it was first answered with, and 409 when
 * it comes back with a different body. Keys are stored by {@link IdempotencyKeys}, per token subject.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdempotentReplays {

    @Inject
    IdempotencyKeys keys;
    @Inject
    SubmissionRepository submissions;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    private ObjectMapper storedResults;

    @PostConstruct
    void storedResultsKeepMessageKeys() {
        storedResults = json.copy().addMixIn(Violation.class, StoredViolation.class);
    }

    /** SHA-256 of a submission as JSON. */
    public String hash(SubmissionRequest request) {
        return sha256(toJson(request));
    }

    /** SHA-256 of a batch's submissions as JSON. */
    public String hash(List<SubmissionRequest> requests) {
        return sha256(toJson(requests));
    }

    /** The earlier result of an Idempotency-Key, if it was used; 409 if it came with a different body. */
    public Optional<SubmissionView> replay(String idempotencyKey, String requestHash) {
        return keys.find(caller.subject(), idempotencyKey).map(seen -> {
            if (!seen.requestHash().equals(requestHash)) {
                throw ProblemException.conflict(Message.of("indicator.idempotency-key.other-body", idempotencyKey));
            }
            return SubmissionMapper.view(submissions.findById(seen.submissionId()));
        });
    }

    /** The earlier result of a batch's Idempotency-Key, if it was used; 409 if it came with other submissions. */
    public Optional<BatchResult> replayBatch(String idempotencyKey, String requestHash) {
        return keys.findBatch(caller.subject(), idempotencyKey).map(seen -> {
            if (!seen.requestHash().equals(requestHash)) {
                throw ProblemException.conflict(Message.of("indicator.idempotency-key.other-batch", idempotencyKey));
            }
            try {
                return storedResults.readValue(seen.result(), BatchResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored batch result cannot be read", e);
            }
        });
    }

    /** Records the key for the submission just stored; false when a concurrent request claimed it first. */
    public boolean claim(String idempotencyKey, String requestHash, long submissionId) {
        return keys.claim(caller.subject(), idempotencyKey, requestHash, submissionId);
    }

    /** Records the key with the batch's result; false when a concurrent request claimed it first. */
    public boolean claimBatch(String idempotencyKey, String requestHash, BatchResult result) {
        try {
            return keys.claimBatch(caller.subject(), idempotencyKey, requestHash, storedResults.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stored batch results keep each violation's message key and arguments (which answers leave out), so a replay
     * is answered in the language of the request that replays it; results stored without them replay as stored.
     */
    @SuppressWarnings("unused")
    private abstract static class StoredViolation {
        @JsonProperty("text")
        @JsonIgnore(false)
        Message text;

        StoredViolation(@JsonProperty("field") String field, @JsonProperty("code") String code,
                        @JsonProperty("message") String message, @JsonProperty("text") Message text) {
        }

        @JsonProperty("text")
        @JsonIgnore(false)
        abstract Message text();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
