package cn.etdz.indicator.workbook;

import java.util.List;
import java.util.Locale;

/** The template's words in Chinese (the default) or English, chosen by the request's Accept-Language. */
record WorkbookLabels(String zoneCode, String zoneName, String title, String previousTitle, String previousSheet,
                      String required, String rangeTitle, String range, String rangeOpen) {

    static final WorkbookLabels CHINESE = new WorkbookLabels("开发区代码", "开发区名称",
            "%s 省 %s 年度开发区统计报表（%s）：请在白色单元格填写数值，空白表示缺报，不作 0 处理",
            "%s 省 %s 年度数据（供参考，不上传）", "上年数据", "（必填）",
            "数值超出范围", "请输入 %s 至 %s 之间的数值。", "请输入不小于 %s 的数值。");

    static final WorkbookLabels ENGLISH = new WorkbookLabels("Zone code", "Zone name",
            "Province %s, development zones' return for %s (%s): fill the white cells; a blank cell is a missing value, "
                    + "not 0", "Province %s, values of %s (for reference; not uploaded)", "Previous year", " (required)",
            "Value out of range", "Enter a number from %s to %s.",
            "Enter a number of at least %s.");

    /** English when the client prefers it to Chinese, else Chinese. */
    static WorkbookLabels forLanguages(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("en")) {
                return ENGLISH;
            }
            if (locale.getLanguage().equals("zh")) {
                return CHINESE;
            }
        }
        return CHINESE;
    }
}
