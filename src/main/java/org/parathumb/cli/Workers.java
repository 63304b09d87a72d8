package org.parathumb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.parathumb.core.batch.WorkerPool;

/**
 * The {@code --workers} rule of every command: 1 to {@link #MAX}, all cores when not given. More
 * workers than cores is allowed (scripts move between machines, and it is a fair experiment) and
 * noted once on standard error, since it does not make a run faster.
 */
final class Workers {

    /** A sane bound: beyond it threads cost memory (a decode buffer each) and nothing else. */
    static final int MAX = 256;

    private Workers() {
    }

    /** The worker count for {@code asked} (null: all cores), after a note when it exceeds the cores. */
    static int count(Integer asked, PrintWriter err) {
        int cores = WorkerPool.availableCores();
        if (asked == null) {
            return cores;
        }
        check(asked);
        if (asked > cores) {
            err.printf(Locale.ROOT, "note: %d workers on %d core%s: the extra threads wait for a core, "
                    + "expect no speedup beyond %d%n", asked, cores, cores == 1 ? "" : "s", cores);
            err.flush();
        }
        return asked;
    }

    static void check(int asked) {
        if (asked < 1 || asked > MAX) {
            throw new ParathumbCommand.UsageException("--workers must be between 1 and " + MAX + ", got " + asked);
        }
    }
}
