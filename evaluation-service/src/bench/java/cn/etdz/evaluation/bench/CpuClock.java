package cn.etdz.evaluation.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time, the figure that bounds the wall time on a dedicated machine whatever else runs on the shared one: a thread
 * waiting for a core spends wall time but no CPU time.
 */
final class CpuClock {

    private CpuClock() {
    }

    /** CPU time of the calling thread, in nanoseconds. */
    static long thread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of the whole JVM (every thread, the collector's and the compiler's included), in nanoseconds. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
