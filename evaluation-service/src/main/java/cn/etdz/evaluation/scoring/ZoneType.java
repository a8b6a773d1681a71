package cn.etdz.evaluation.scoring;

/** The two kinds of national zone; each is its own peer group and they are never ranked against each other. */
public enum ZoneType {
    /** 国家级经济技术开发区 */
    ETDZ,
    /** 边境经济合作区 */
    BECZ
}
