package cn.etdz.indicator.zone;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The four statistical regions, derived from the GB/T 2260 province code. */
public enum Region {
    EAST("110000", "120000", "130000", "310000", "320000", "330000", "350000", "370000", "440000", "460000"),
    CENTRAL("140000", "340000", "360000", "410000", "420000", "430000"),
    NORTHEAST("210000", "220000", "230000"),
    WEST("150000", "450000", "500000", "510000", "520000", "530000", "540000", "610000", "620000", "630000",
            "640000", "650000");

    private static final Map<String, Region> BY_PROVINCE = Stream.of(values())
            .flatMap(region -> Stream.of(region.provinces).map(province -> Map.entry(province, region)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String[] provinces;

    Region(String... provinces) {
        this.provinces = provinces;
    }

    /** The region of a mainland province code; empty for anything else. */
    public static Optional<Region> ofProvince(String province) {
        return Optional.ofNullable(province).map(BY_PROVINCE::get);
    }
}
