package cn.etdz.evaluation.scores;

import cn.etdz.evaluation.scoring.NodeScore;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The orders a ranking table can be read in: a column name ({@code rank} by default) or a top-level node of the
 * methodology ({@code node:OPENING_UP}, whatever its framework), prefixed with {@code -} for descending. Zones without
 * a value in the column (unranked, a pillar without data, no English name) come last in both directions; ties keep the
 * national order (rank, then code). Chinese names compare as the Chinese collator orders them (by pinyin), English
 * names as the English one.
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

    /** Every accepted value of {@code sort} but the nodes': each column ascending, and descending with {@code -}. */
    public static final List<String> VALUES = COLUMNS.keySet().stream()
            .flatMap(column -> Stream.of(column, "-" + column)).toList();

    /** A {@code sort} by a top-level node's score: {@code node:} and the node's code, {@code -} before for descending. */
    private static final Pattern NODE = Pattern.compile("-?node:([A-Za-z0-9_.-]{1,64})");

    private RankingOrder() {
    }

    /** Whether {@code sort} is one of {@link #VALUES} or names a node as {@code node:CODE}. */
    public static boolean accepts(String sort) {
        return VALUES.contains(sort) || NODE.matcher(sort).matches();
    }

    /** The top-level node a {@code sort} value orders by; empty when it orders by a column. */
    public static Optional<String> node(String sort) {
        Matcher node = NODE.matcher(sort);
        return node.matches() ? Optional.of(node.group(1)) : Optional.empty();
    }

    /** The order a {@code sort} value names; {@code null} when {@link #accepts} refuses it. */
    public static Comparator<ScoreView> of(String sort) {
        boolean descending = sort.startsWith("-");
        Column<?> column = node(sort).<Column<?>>map(RankingOrder::nodeColumn)
                .orElseGet(() -> COLUMNS.get(descending ? sort.substring(1) : sort));
        return column == null ? null : column.order(descending).thenComparing(NATIONAL);
    }

    private static Column<Double> nodeColumn(String code) {
        return new Column<>(score -> score.nodes().stream().filter(node -> node.code().equals(code)).findFirst()
                .map(NodeScore::score).orElse(null), Comparator.<Double>naturalOrder());
    }
}
