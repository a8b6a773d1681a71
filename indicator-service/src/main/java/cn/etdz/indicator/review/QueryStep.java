package cn.etdz.indicator.review;

/** What a message of a query did. */
public enum QueryStep { RAISED, ANSWERED, CLOSED }
