package cn.etdz.indicator.catalogue;

/** How an indicator's values are read and range-checked. */
public enum ValueType {
    /** A non-negative quantity in the indicator's unit. */
    NUMBER,
    /** A whole number of things. */
    COUNT,
    /** A share from 0 to 100. */
    PERCENT,
    /** 1 for yes, 0 for no. */
    YES_NO
}
