package cn.etdz.evaluation.analysis;

/** How a running analysis reports its evaluations and learns that it should stop. */
public interface Progress {

    /** Nobody is watching: never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void evaluated(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} evaluations are finished; called from the worker threads. */
    void evaluated(int done, int total);

    /** Whether to stop: the analysis then ends with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
