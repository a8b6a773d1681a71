package cn.etdz.indicator.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One accepted revision of a zone-period; inserted once (by {@link SubmissionWriter}), never updated. */
@Entity
@Table(name = "submission")
public class SubmissionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "zone_code")
    public String zoneCode;
    public String period;
    public int revision;
    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;
    public boolean late;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitter_province")
    public String submitterProvince;
    /** How the revision was made: its values as sent (REPLACE) or the newest revision's amended (AMEND). */
    @Enumerated(EnumType.STRING)
    public SubmissionMode mode;
    @OneToMany(mappedBy = "submission")
    @OrderBy("position")
    public List<SubmissionValueEntity> values = new ArrayList<>();
    @OneToMany(mappedBy = "submission")
    @OrderBy("position")
    public List<SubmissionWarningEntity> warnings = new ArrayList<>();
}
