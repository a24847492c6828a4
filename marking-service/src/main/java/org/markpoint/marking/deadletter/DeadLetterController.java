package org.markpoint.marking.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import org.markpoint.marking.support.InvalidRequestException;
import org.markpoint.marking.support.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the dead-letter topics: list, inspect, replay. Served on this service's own port only (the
 * gateway does not route it), as it spans all tenants.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    record DeadLetterList(List<DeadLetter> items, int count) {
    }

    record ReplayView(String id, boolean alreadyReplayed, DeadLetter.Replay replay) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    DeadLetterList list(@RequestParam(required = false) String topic,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Optional<String> dlt = Optional.ofNullable(topic).filter(t -> !t.isBlank()).map(t -> DeadLetters
                .deadLetterTopic(t.strip()).orElseThrow(() -> new InvalidRequestException("topic",
                        "not a Markpoint topic; one of " + DeadLetters.TOPICS)));
        List<DeadLetter> items = deadLetters.list(dlt, limit);
        return new DeadLetterList(items, items.size());
    }

    @GetMapping("/{id}")
    DeadLetter get(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    @PostMapping("/{id}/replay")
    ReplayView replay(@PathVariable String id) {
        DeadLetters.ReplayOutcome outcome = deadLetters.replay(id)
                .orElseThrow(() -> new NotFoundException("dead letter", id));
        return new ReplayView(id, outcome.alreadyReplayed(), outcome.deadLetter().replay());
    }
}
