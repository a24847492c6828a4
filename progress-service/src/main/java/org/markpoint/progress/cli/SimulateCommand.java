package org.markpoint.progress.cli;

import java.io.PrintStream;

final class SimulateCommand {
    void run(long seed, PrintStream out, PrintStream err) {
        throw new IllegalArgumentException("simulate: not implemented yet");
    }
}
