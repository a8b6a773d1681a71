package cn.etdz.indicator.export;

import java.time.OffsetDateTime;

/**
 * What a values export reads; every field may be {@code null} (no restriction). A submitter's filter always carries
 * their province.
 *
 * @param asOf the newest revision received by then instead of the newest accepted one
 */
public record ValueFilter(String zoneType, String province, String zone, String indicator, String from, String to,
                          OffsetDateTime asOf) {

    /** The file name of the download, without extension: 开发区指标值 and the filters that narrow it. */
    String fileName() {
        StringBuilder name = new StringBuilder("开发区指标值");
        for (String part : new String[] {zoneType, province, zone, indicator}) {
            if (part != null) {
                name.append('-').append(part);
            }
        }
        if (from != null || to != null) {
            name.append('-').append(from == null ? "" : from).append('至').append(to == null ? "" : to);
        }
        return name.toString();
    }
}
