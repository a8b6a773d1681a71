package cn.etdz.indicator.review;

/** A query is open until its raiser (or an admin) closes it. */
public enum QueryStatus { OPEN, CLOSED }
