package org.markpoint.question.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.markpoint.question.authoring.UnitAuthoring;
import org.markpoint.question.authoring.UnitDocument;
import org.markpoint.question.authoring.UnitStore;
import org.markpoint.question.bank.LearningOutcome;
import org.markpoint.question.bank.Unit;
import org.markpoint.question.support.IfMatch;
import org.markpoint.question.support.InvalidRequestException;
import org.markpoint.question.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Units and their learning outcomes. A unit's ETag covers its outcomes (they are stored inside it), so every edit
 * of either sends {@code If-Match} with the unit's ETag: 428 without it, 412 when it is stale.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    /** A unit in a list: enough to choose one. */
    record UnitSummary(String id, String code, String title, String qualification, int learningOutcomes) {
    }

    private final UnitStore units;
    private final UnitAuthoring authoring;

    UnitController(UnitStore units, UnitAuthoring authoring) {
        this.units = units;
        this.authoring = authoring;
    }

    @GetMapping
    List<UnitSummary> list() {
        return units.list(TenantContext.current()).stream()
                .map(u -> new UnitSummary(u.id(), u.code(), u.title(), u.qualification(), u.learningOutcomes().size()))
                .toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Unit> get(@PathVariable String id) {
        return current(unit(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Unit> create(@Valid @RequestBody UnitRequest request) {
        if (request.id() == null || request.id().isBlank()) {
            throw new InvalidRequestException("id", "is required");
        }
        UnitDocument stored = authoring.create(TenantContext.current(), request.toUnit(request.id()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(request.id()).toUri();
        return ResponseEntity.created(location).eTag(IfMatch.etag(stored.revision())).body(stored.unit());
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Unit> update(@PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @Valid @RequestBody UnitRequest request) {
        if (request.id() != null && !request.id().isBlank() && !request.id().equals(id)) {
            throw new InvalidRequestException("id", "does not match the unit in the path ('" + id + "')");
        }
        return current(authoring.update(TenantContext.current(), id, IfMatch.parse(ifMatch), request.toUnit(id),
                request.learningOutcomes() == null));
    }

    @PostMapping(path = "/{id}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LearningOutcome> addOutcome(@PathVariable String id,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch,
                                               @Valid @RequestBody OutcomeRequest request) {
        UnitDocument stored = authoring.addOutcome(TenantContext.current(), id, IfMatch.parse(ifMatch),
                request.toOutcome(request.id()));
        LearningOutcome added = stored.unit().learningOutcomes().getLast();
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{outcome}")
                .buildAndExpand(added.id()).toUri();
        return ResponseEntity.created(location).eTag(IfMatch.etag(stored.revision())).body(added);
    }

    @GetMapping("/{id}/outcomes/{outcomeId}")
    ResponseEntity<LearningOutcome> outcome(@PathVariable String id, @PathVariable String outcomeId) {
        UnitDocument doc = unit(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(doc.revision())).body(outcomeOf(doc, outcomeId));
    }

    @PutMapping(path = "/{id}/outcomes/{outcomeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LearningOutcome> editOutcome(@PathVariable String id, @PathVariable String outcomeId,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch,
                                                @Valid @RequestBody OutcomeRequest request) {
        UnitDocument stored = authoring.editOutcome(TenantContext.current(), id, outcomeId, IfMatch.parse(ifMatch),
                request.toOutcome(outcomeId));
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.revision())).body(outcomeOf(stored, outcomeId));
    }

    private UnitDocument unit(String id) {
        return units.find(TenantContext.current(), id).orElseThrow(() -> new NotFoundException("unit", id));
    }

    private static LearningOutcome outcomeOf(UnitDocument doc, String outcomeId) {
        return doc.unit().learningOutcomes().stream().filter(lo -> lo.id().equals(outcomeId)).findFirst()
                .orElseThrow(() -> new NotFoundException("learning outcome", outcomeId));
    }

    private static ResponseEntity<Unit> current(UnitDocument doc) {
        return ResponseEntity.ok().eTag(IfMatch.etag(doc.revision())).body(doc.unit());
    }
}
