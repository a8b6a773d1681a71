package cn.etdz.indicator.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One step of a query — raised, answered, closed — with who wrote what and when; never updated. */
@Entity
@Table(name = "value_query_message")
public class QueryMessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "query_id")
    public ValueQueryEntity query;
    @Enumerated(EnumType.STRING)
    public QueryStep kind;
    public String text;
    public String author;
    @Column(name = "written_at")
    public OffsetDateTime writtenAt;
}
