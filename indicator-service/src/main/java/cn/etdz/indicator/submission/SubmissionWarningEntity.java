package cn.etdz.indicator.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** The English message as stored; shown as it is when there is no key (rows stored before keys). */
    public String message;
    /** The message's key in the indicator bundle, so it is read in the reader's language. */
    @Column(name = "message_key")
    public String messageKey;
    @Column(name = "message_args")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] messageArgs;

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
