package cn.etdz.evaluation.scoring;

/** How a methodology groups zones for its regional rankings. */
public enum RegionGrouping {
    /** The four statistical regions as they are: EAST, CENTRAL, NORTHEAST, WEST. */
    STATISTICAL_REGIONS,
    /**
     * The plan's three groups: 东部沿海 ({@code EAST_COASTAL} = EAST), 中部及东北老工业基地
     * ({@code CENTRAL_NORTHEAST} = CENTRAL + NORTHEAST) and 西部 ({@code WEST}).
     */
    PLAN_GROUPS;

    /** The name of the group a region belongs to under this grouping. */
    public String groupOf(Region region) {
        if (this == STATISTICAL_REGIONS) {
            return region.name();
        }
        return switch (region) {
            case EAST -> "EAST_COASTAL";
            case CENTRAL, NORTHEAST -> "CENTRAL_NORTHEAST";
            case WEST -> "WEST";
        };
    }
}
