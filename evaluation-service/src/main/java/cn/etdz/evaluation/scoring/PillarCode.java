package cn.etdz.evaluation.scoring;

/** The plan's five-pillar framework (经济发展、科技创新、生态环境、社会发展、体制建设). */
public enum PillarCode {
    /** 经济发展 */
    ECONOMY,
    /** 科技创新 */
    INNOVATION,
    /** 生态环境 */
    ENVIRONMENT,
    /** 社会发展 */
    SOCIETY,
    /** 体制建设 */
    INSTITUTIONS
}
