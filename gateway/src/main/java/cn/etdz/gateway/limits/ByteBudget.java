package cn.etdz.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the gateway may hold at once across all requests (the chunked request bodies it reads ahead). A request that
 * would take more than is left is refused instead, so a few hundred concurrent uploads cannot exhaust the heap.
 */
public final class ByteBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    public ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the budget must be at least one byte");
        }
        this.capacity = capacity;
    }

    /** Takes {@code bytes} from the budget when that many are left; otherwise takes nothing and returns false. */
    public boolean tryTake(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > capacity) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    /** Gives back bytes taken before. */
    public void giveBack(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes that may be held at once. */
    public long capacity() {
        return capacity;
    }

    /** Bytes taken and not given back. */
    public long used() {
        return used.get();
    }
}
