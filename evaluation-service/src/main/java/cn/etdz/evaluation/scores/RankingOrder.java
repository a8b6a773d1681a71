package cn.etdz.evaluation.scores;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The orders a ranking table can be read in: a column name ({@code rank} by default), prefixed with {@code -} for
 * descending. Zones without a value in the column (unranked, a pillar without data, no English name) come last in
 * both directions; ties keep the national order (rank, then code). Chinese names compare as the Chinese collator
 * orders them (by pinyin), English names as the English one.
 */
public final class RankingOrder {

    /** The default: national rank, unranked zones last by code, as the snapshot stores them. */
    public static final String DEFAULT = "rank";

    private static final Comparator<ScoreView> NATIONAL = Comparator
            .comparing(ScoreView::nationalRank, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(ScoreView::zone);

    /** A column: how a row is read, and how two values compare ascending. */
    private record Column<T>(Function<ScoreView, T> read, Comparator<? super T> ascending) {

        Comparator<ScoreView> order(boolean descending) {
            Comparator<? super T> values = descending ? ascending.reversed() : ascending;
            return Comparator.comparing(read, Comparator.nullsLast(values));
        }
    }

    private static final Map<String, Column<?>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("rank", new Column<>(ScoreView::nationalRank, Comparator.<Integer>naturalOrder()));
        COLUMNS.put("composite", new Column<>(ScoreView::composite, Comparator.<Double>naturalOrder()));
        COLUMNS.put("economy", new Column<>(score -> score.pillars().economy(), Comparator.<Double>naturalOrder()));
        COLUMNS.put("innovation", new Column<>(score -> score.pillars().innovation(), Comparator.<Double>naturalOrder()));
        COLUMNS.put("environment", new Column<>(score -> score.pillars().environment(), Comparator.<Double>naturalOrder()));
        COLUMNS.put("society", new Column<>(score -> score.pillars().society(), Comparator.<Double>naturalOrder()));
        COLUMNS.put("institutions", new Column<>(score -> score.pillars().institutions(), Comparator.<Double>naturalOrder()));
        COLUMNS.put("regionRank", new Column<>(ScoreView::regionRank, Comparator.<Integer>naturalOrder()));
        COLUMNS.put("coverage", new Column<>(ScoreView::coverage, Comparator.<Double>naturalOrder()));
        COLUMNS.put("name", new Column<>(ScoreView::name, Collator.getInstance(Locale.CHINA)::compare));
        COLUMNS.put("nameEn", new Column<>(ScoreView::nameEn, Collator.getInstance(Locale.ENGLISH)::compare));
        COLUMNS.put("code", new Column<>(ScoreView::zone, Comparator.<String>naturalOrder()));
    }

    /** Every accepted value of {@code sort}: each column ascending, and descending with {@code -}. */
    public static final List<String> VALUES = COLUMNS.keySet().stream()
            .flatMap(column -> Stream.of(column, "-" + column)).toList();

    private RankingOrder() {
    }

    /** The order a {@code sort} value names; {@code null} when it names none of {@link #VALUES}. */
    public static Comparator<ScoreView> of(String sort) {
        boolean descending = sort.startsWith("-");
        Column<?> column = COLUMNS.get(descending ? sort.substring(1) : sort);
        return column == null ? null : column.order(descending).thenComparing(NATIONAL);
    }
}
