package org.markpoint.question.api;

import java.util.List;
import org.markpoint.question.authoring.QuestionBank;
import org.markpoint.question.bank.Unit;
import org.markpoint.question.support.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    /** A unit in a list: enough to choose one. */
    record UnitSummary(String id, String code, String title, String qualification, int learningOutcomes) {
    }

    private final QuestionBank bank;

    UnitController(QuestionBank bank) {
        this.bank = bank;
    }

    @GetMapping
    List<UnitSummary> list() {
        return bank.units(TenantContext.current()).stream()
                .map(u -> new UnitSummary(u.id(), u.code(), u.title(), u.qualification(), u.learningOutcomes().size()))
                .toList();
    }

    @GetMapping("/{id}")
    Unit get(@PathVariable String id) {
        return bank.unit(TenantContext.current(), id).orElseThrow(() -> new NotFoundException("unit", id));
    }
}
