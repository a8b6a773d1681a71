package cn.etdz.indicator.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** One review decision on a revision, kept for good: the audit trail of a zone-period's review. */
@Entity
@Table(name = "review_decision")
public class ReviewDecisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "zone_code")
    public String zoneCode;
    public String period;
    public int revision;
    @Enumerated(EnumType.STRING)
    public ReviewState state;
    public String comment;
    @ElementCollection
    @CollectionTable(name = "review_value_comment", joinColumns = @JoinColumn(name = "decision_id"))
    @MapKeyColumn(name = "indicator")
    @Column(name = "comment")
    public Map<String, String> valueComments = new TreeMap<>();
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_role")
    public String decidedRole;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
