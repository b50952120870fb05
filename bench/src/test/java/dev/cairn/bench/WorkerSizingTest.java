package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WorkerSizingTest {
    private static final WorkerSizing.Prices PRICES = new WorkerSizing.Prices(0.0000133334, 0.0000002, "2025-06-01");

    @Test
    void theCpuPartStretchesBelowOneVcpuAndTheWaitingDoesNot() {
        // 30 ms of CPU in 50 ms: at a third of a vCPU the CPU takes 90 ms, the 20 ms of waiting stay.
        assertThat(WorkerSizing.warmMs(50, 30, 1769 / 3)).isCloseTo(110, within(0.2));
        assertThat(WorkerSizing.warmMs(50, 30, 1769)).isEqualTo(50);
        // A single thread goes no faster beyond one vCPU.
        assertThat(WorkerSizing.warmMs(50, 30, 3008)).isEqualTo(50);
    }

    @Test
    void cpuBoundWorkCostsTheSameUpToOneVcpu() {
        double atHalf = WorkerSizing.usdPerMillion(WorkerSizing.warmMs(1000, 1000, 1769 / 2), 1769 / 2, PRICES);
        double atOne = WorkerSizing.usdPerMillion(WorkerSizing.warmMs(1000, 1000, 1769), 1769, PRICES);
        assertThat(atHalf).isCloseTo(atOne, within(atOne * 0.01));
    }

    @Test
    void durationIsBilledByTheMillisecondPlusTheRequest() {
        // 1 ms at 1,024 MB: 0.001 GB-s, 0.0133 USD per million, and 0.20 USD per million requests.
        assertThat(WorkerSizing.usdPerMillion(0.3, 1024, PRICES)).isCloseTo(0.2133, within(0.0001));
    }
}
