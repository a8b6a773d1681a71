package cn.etdz.indicator.review;

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

/** A query on one value of a revision; only its status changes, what was said is kept in its messages. */
@Entity
@Table(name = "value_query")
public class ValueQueryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "zone_code")
    public String zoneCode;
    public String period;
    public int revision;
    public String indicator;
    @Enumerated(EnumType.STRING)
    public QueryStatus status;
    @Column(name = "warning_code")
    public String warningCode;
    @Column(name = "raised_by")
    public String raisedBy;
    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;
    @OneToMany(mappedBy = "query")
    @OrderBy("id")
    public List<QueryMessageEntity> messages = new ArrayList<>();
}
