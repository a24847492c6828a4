package org.markpoint.marking.cli;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.markpoint.marking.engine.MarkResult;
import org.markpoint.marking.engine.MarkingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Answers marked per second on the lexical/linguistic path, one thread: 40-word answers (the {@code bench}
 * command's seeded generator) against its 6-point evaluate scheme. Run with {@code -Pjmh} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EngineBenchmark {

    private MarkingEngine engine;
    private List<String> answers;
    private int next;

    @Setup(Level.Trial)
    public void loadEngine() {
        engine = MarkingEngine.createDefault();
        answers = BenchCommand.answers(1_000, 2);
    }

    @Benchmark
    public MarkResult markOneAnswer() {
        next = next + 1 == answers.size() ? 0 : next + 1;
        return engine.mark(answers.get(next), BenchCommand.SCHEME);
    }
}
