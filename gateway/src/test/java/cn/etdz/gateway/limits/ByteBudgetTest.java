package cn.etdz.gateway.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteBudgetTest {

    @Test
    void takesUpToTheCapacityAndNoFurther() {
        ByteBudget budget = new ByteBudget(10);
        assertThat(budget.tryTake(6)).isTrue();
        assertThat(budget.tryTake(5)).as("6 + 5 is more than 10").isFalse();
        assertThat(budget.used()).as("a refused take takes nothing").isEqualTo(6);
        assertThat(budget.tryTake(4)).isTrue();
        assertThat(budget.tryTake(1)).isFalse();
    }

    @Test
    void bytesGivenBackCanBeTakenAgain() {
        ByteBudget budget = new ByteBudget(10);
        assertThat(budget.tryTake(10)).isTrue();
        budget.giveBack(7);
        assertThat(budget.used()).isEqualTo(3);
        assertThat(budget.tryTake(7)).isTrue();
    }

    @Test
    void concurrentTakesNeverExceedTheCapacity() throws InterruptedException {
        ByteBudget budget = new ByteBudget(1000);
        Thread[] takers = new Thread[8];
        int[] granted = new int[takers.length];
        for (int t = 0; t < takers.length; t++) {
            int taker = t;
            takers[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    if (budget.tryTake(1)) {
                        granted[taker]++;
                    }
                }
            });
            takers[t].start();
        }
        for (Thread taker : takers) {
            taker.join();
        }
        assertThat(java.util.Arrays.stream(granted).sum()).isEqualTo(1000);
        assertThat(budget.used()).isEqualTo(1000);
    }

    @Test
    void anEmptyBudgetIsAConfigurationError() {
        assertThatThrownBy(() -> new ByteBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
