package org.markpoint.marking.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.markpoint.marking.marks.MarkingService;
import org.markpoint.marking.marks.MarkingService.Target;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.testbench.TestBench;
import org.markpoint.marking.testbench.TestBenchInput;
import org.markpoint.marking.testbench.TestBenchReport;
import org.markpoint.model.scheme.MarkingScheme;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheme test bench: a stored question or an inline scheme, plus answers a human marked (CSV {@code answer,mark}
 * or JSON pairs), gives agreement, a confusion matrix, per-point hit rates and the worst disagreements. Synchronous:
 * at most 2,000 answers (413 above). Nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/marking/test-bench")
class TestBenchController {

    /** JSON form: {@code csv} text or {@code answers} pairs. */
    record TestBenchRequest(@Size(max = 200) String questionId, MarkingScheme scheme, String csv,
                            List<TestBenchInput.Pair> answers, Integer top) {
    }

    private final MarkingService marking;
    private final TestBench bench;
    private final JsonMapper json;

    TestBenchController(MarkingService marking, JsonMapper json) {
        this.marking = marking;
        this.bench = new TestBench(marking.engine());
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    TestBenchReport fromJson(@RequestBody TestBenchRequest request) {
        Target target = marking.target(TenantContext.current(), request.questionId(), request.scheme());
        boolean hasCsv = request.csv() != null;
        if (hasCsv == (request.answers() != null)) {
            throw new InvalidRequestException("csv", "give exactly one of csv (text) or answers (answer/mark pairs)");
        }
        int max = target.scheme().maxMarks();
        TestBenchInput.Parsed parsed = hasCsv ? TestBenchInput.fromCsv(request.csv(), max)
                : TestBenchInput.fromPairs(request.answers(), max);
        return run(target, parsed, request.top() == null ? 10 : request.top());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TestBenchReport fromUpload(@RequestPart("file") MultipartFile file,
                               @RequestParam(defaultValue = "") @Size(max = 200) String questionId,
                               @RequestParam(defaultValue = "") String scheme,
                               @RequestParam(defaultValue = "10") @Min(0) @Max(100) int top) throws IOException {
        MarkingScheme inline = null;
        if (!scheme.isBlank()) {
            try {
                inline = json.readValue(scheme, MarkingScheme.class);
            } catch (JacksonException e) {
                throw new InvalidRequestException("scheme", "is not a valid scheme in JSON");
            }
        }
        Target target = marking.target(TenantContext.current(), questionId, inline);
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        return run(target, TestBenchInput.fromCsv(csv, target.scheme().maxMarks()), top);
    }

    private TestBenchReport run(Target target, TestBenchInput.Parsed parsed, int top) {
        if (top < 0 || top > 100) {
            throw new InvalidRequestException("top", "must be between 0 and 100");
        }
        return bench.run(target.scheme(), parsed.answers(), parsed.problems(), top);
    }
}
