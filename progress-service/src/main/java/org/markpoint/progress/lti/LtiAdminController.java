package org.markpoint.progress.lti;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.markpoint.progress.api.TenantContext;
import org.markpoint.progress.quiz.GradeLink;
import org.markpoint.progress.quiz.QuizLaunches;
import org.markpoint.progress.support.InvalidRequestException;
import org.markpoint.progress.support.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Centre admins connect LMSs: register a platform (the values its LTI 1.3 tool configuration shows), read the
 * values to give the LMS, rotate the tool's signing key, and watch and retry grade passback.
 */
@RestController
@RequestMapping("/api/v1/admin/lti")
@Validated
class LtiAdminController {

    private static final String URL = "https?://\\S+";

    /** {@code POST /api/v1/admin/lti/registrations}. */
    record NewRegistration(@Size(max = 200) String name,
                           @NotBlank @Size(max = 500) String issuer,
                           @NotBlank @Size(max = 200) String clientId,
                           @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> deploymentIds,
                           @NotBlank @Size(max = 1000) @Pattern(regexp = URL) String authLoginUrl,
                           @NotBlank @Size(max = 1000) @Pattern(regexp = URL) String tokenUrl,
                           @NotBlank @Size(max = 1000) @Pattern(regexp = URL) String jwksUrl) {
    }

    /** What to paste into the LMS's tool configuration. */
    record ToolConfiguration(String toolUrl, String loginUrl, String redirectUrl, String jwksUrl,
                             String deepLinkingUrl, String customParameters) {
    }

    record KeyRotated(String kid, List<String> publishedKids) {
    }

    record GradeView(String quizId, String learnerId, String lineItemUrl, String status, double scoreGiven,
                     double scoreMaximum, int attempts, String lastError, String nextAttemptAt, String sentAt) {

        static GradeView of(QuizLaunches.DueGrade g) {
            GradeLink l = g.link();
            return new GradeView(g.quizId(), g.learnerId(), l.lineItemUrl(), l.status(), l.scoreGiven(),
                    l.scoreMaximum(), l.attempts(), l.lastError(),
                    l.nextAttemptAt() == null ? "" : l.nextAttemptAt().toString(),
                    l.sentAt() == null ? "" : l.sentAt().toString());
        }
    }

    private final LtiRegistrationStore registrations;
    private final ToolKeys keys;
    private final QuizLaunches quizzes;
    private final LtiProperties props;
    private final UrlPolicy urls;
    private final Clock clock;

    LtiAdminController(LtiRegistrationStore registrations, ToolKeys keys, QuizLaunches quizzes, LtiProperties props,
                       UrlPolicy urls, Clock clock) {
        this.urls = urls;
        this.registrations = registrations;
        this.keys = keys;
        this.quizzes = quizzes;
        this.props = props;
        this.clock = clock;
    }

    @PostMapping(path = "/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LtiRegistration> register(@Valid @RequestBody NewRegistration body) {
        urls.refusal(body.authLoginUrl()).ifPresent(why -> { throw new InvalidRequestException("authLoginUrl", why); });
        urls.refusal(body.tokenUrl()).ifPresent(why -> { throw new InvalidRequestException("tokenUrl", why); });
        urls.refusal(body.jwksUrl()).ifPresent(why -> { throw new InvalidRequestException("jwksUrl", why); });
        List<String> deployments = body.deploymentIds().stream().map(String::strip).distinct().toList();
        LtiRegistration saved = registrations.insert(new LtiRegistration(UUID.randomUUID().toString(),
                TenantContext.current(), body.name() == null ? "" : body.name().strip(), body.issuer().strip(),
                body.clientId().strip(), deployments, body.authLoginUrl().strip(), body.tokenUrl().strip(),
                body.jwksUrl().strip(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/admin/lti/registrations/" + saved.id())).body(saved);
    }

    @GetMapping("/registrations")
    List<LtiRegistration> registrations() {
        return registrations.all(TenantContext.current());
    }

    @GetMapping("/registrations/{id}")
    LtiRegistration registration(@PathVariable String id) {
        return registrations.load(TenantContext.current(), id);
    }

    @DeleteMapping("/registrations/{id}")
    ResponseEntity<Void> unregister(@PathVariable String id) {
        registrations.delete(TenantContext.current(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tool-configuration")
    ToolConfiguration toolConfiguration() {
        keys.current(ToolKeys.Purpose.TOOL, TenantContext.current()); // the key set the LMS is given is never empty
        return new ToolConfiguration(props.toolUrl(), props.loginUrl(), props.launchUrl(),
                props.jwksUrl(TenantContext.current()),
                props.launchUrl(), "unit=<unit id> (Deep Linking sets it for you)");
    }

    /** A new tool key signs this tenant's messages from now on; the old one stays published for the grace period. */
    @PostMapping("/keys/rotate")
    KeyRotated rotate() {
        String tenant = TenantContext.current();
        String kid = keys.rotate(ToolKeys.Purpose.TOOL, tenant).getKeyID();
        return new KeyRotated(kid, keys.published(ToolKeys.Purpose.TOOL, tenant).getKeys().stream()
                .map(JWK::getKeyID).toList());
    }

    @GetMapping("/grades")
    Page<GradeView> grades(@RequestParam(defaultValue = "") String status,
                           @RequestParam(defaultValue = "") @Size(max = 200) String cursor,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (!status.isEmpty() && !List.of(GradeLink.WAITING, GradeLink.OWED, GradeLink.SENT, GradeLink.FAILED)
                .contains(status)) {
            throw new InvalidRequestException("status", "must be one of waiting, owed, sent, failed");
        }
        Page<QuizLaunches.DueGrade> page = quizzes.grades(TenantContext.current(), status, cursor, limit);
        return new Page<>(page.items().stream().map(GradeView::of).toList(), page.next());
    }

    /** Posts the quiz's score to the LMS again (202: the relay sends it within a second or so). */
    @PostMapping("/grades/{quizId}/retry")
    ResponseEntity<GradeView> retry(@PathVariable String quizId) {
        return ResponseEntity.accepted().body(GradeView.of(quizzes.retry(TenantContext.current(), quizId)));
    }
}
