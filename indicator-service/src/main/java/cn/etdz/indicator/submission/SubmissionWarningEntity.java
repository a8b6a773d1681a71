package cn.etdz.indicator.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A plausibility warning stored with its submission. */
@Entity
@Table(name = "submission_warning")
@IdClass(SubmissionWarningEntity.Key.class)
public class SubmissionWarningEntity {
    @Id
    @ManyToOne
    @JoinColumn(name = "submission_id")
    public SubmissionEntity submission;
    @Id
    public int position;
    public String field;
    public String code;
    public String message;

    public static class Key implements Serializable {
        public Long submission;
        public int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(submission, key.submission) && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(submission, position);
        }
    }
}
