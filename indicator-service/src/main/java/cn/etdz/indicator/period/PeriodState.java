package cn.etdz.indicator.period;

/** Whether a period takes new revisions: OPEN (never closed) and REOPENED do, CLOSED does not. */
public enum PeriodState {
    OPEN,
    CLOSED,
    REOPENED
}
