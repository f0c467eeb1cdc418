package nnlab.backend.opencl;

import com.aparapi.device.OpenCLDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A kernel that cannot run on OpenCL must be detected, must not run on Aparapi's Java thread pool
 * instead, and must produce exactly one warning.
 */
class OpenClKernelFailureTest {

    @BeforeEach
    void needsOpenCl() {
        OpenClAssumptions.assumeOpenCl();
    }

    @Test
    void failedKernelIsDetectedNotRunInJavaAndWarnedOnce() {
        OpenClDeviceInfo info = OpenClSupport.probe().preferred().orElseThrow();
        UntranslatableKernel kernel = new UntranslatableKernel();
        KernelSlot<UntranslatableKernel> slot = new KernelSlot<>("untranslatable", kernel, (OpenCLDevice) OpenClSupport.handle(info));
        slot.warnOnFailure(true);
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(OpenClBackend.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        boolean useParent = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try {
            synchronized (slot) {
                assertThrows(Exception.class, slot::compile);
                assertFalse(slot.usable());
                assertFalse(slot.execute(slot.range(4)));
                assertFalse(slot.execute(slot.range(4)));
                ExecutionProof proof = slot.proof();
                assertFalse(proof.ranOnOpenCl());
                assertFalse(proof.proven());
                assertThat(proof.failure(), is(notNullValue()));
                slot.dispose();
                slot.dispose();
            }
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(useParent);
        }
        // Aparapi's fallback went to the no-op "alternative algorithm", not to a Java thread pool running run().
        assertArrayEquals(new float[4], kernel.out);
        assertThat(records, hasSize(1));
        assertThat(records.get(0).getLevel(), is(java.util.logging.Level.WARNING));
        assertThat(records.get(0).getMessage() + " " + java.util.Arrays.toString(records.get(0).getParameters()),
                containsString("untranslatable"));
    }
}
