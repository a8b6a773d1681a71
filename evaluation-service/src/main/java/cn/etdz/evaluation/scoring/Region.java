package cn.etdz.evaluation.scoring;

/** The four statistical regions (derived from the province by the zone registry). */
public enum Region {
    EAST,
    CENTRAL,
    NORTHEAST,
    WEST
}
