package cn.etdz.evaluation.scoring;

/** The plan's five-pillar framework (经济发展、科技创新、生态环境、社会发展、体制建设). */
public enum PillarCode {
    /** 经济发展 */
    ECONOMY("经济发展", "Economic development"),
    /** 科技创新 */
    INNOVATION("科技创新", "Innovation"),
    /** 生态环境 */
    ENVIRONMENT("生态环境", "Environment"),
    /** 社会发展 */
    SOCIETY("社会发展", "Social development"),
    /** 体制建设 */
    INSTITUTIONS("体制建设", "Institutions");

    private final String nameZh;
    private final String nameEn;

    PillarCode(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The pillar's Chinese name, as the plan writes it. */
    public String nameZh() {
        return nameZh;
    }

    /** The pillar's English name. */
    public String nameEn() {
        return nameEn;
    }

    /** The pillar a node code names, or {@code null} when the code is none of the five. */
    public static PillarCode of(String code) {
        for (PillarCode pillar : values()) {
            if (pillar.name().equals(code)) {
                return pillar;
            }
        }
        return null;
    }
}
