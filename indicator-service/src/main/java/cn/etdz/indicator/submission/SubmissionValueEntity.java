package cn.etdz.indicator.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One indicator value of a submission, in the order it was sent. */
@Entity
@Table(name = "submission_value")
@IdClass(SubmissionValueEntity.Key.class)
public class SubmissionValueEntity {
    @Id
    @ManyToOne
    @JoinColumn(name = "submission_id")
    public SubmissionEntity submission;
    @Id
    public String indicator;
    public int position;
    public double value;
    public boolean provisional;
    public String note;

    public static class Key implements Serializable {
        public Long submission;
        public String indicator;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(submission, key.submission)
                    && Objects.equals(indicator, key.indicator);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submission, indicator);
        }
    }
}
