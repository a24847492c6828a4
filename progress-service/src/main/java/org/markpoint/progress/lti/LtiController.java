package org.markpoint.progress.lti;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The browser-facing LTI 1.3 endpoints (no Markpoint credential: the platform's signed id_token is the
 * credential). Refusals are an HTML page naming the reason, the matching status, and a WARN log line.
 */
@RestController
@RequestMapping("/lti")
class LtiController {

    private static final Logger LOG = LoggerFactory.getLogger(LtiController.class);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final LtiRegistrationStore registrations;
    private final LaunchStates states;
    private final IdTokenValidator validator;
    private final LaunchService launches;
    private final DeepLinking deepLinking;
    private final ToolKeys keys;
    private final LtiProperties props;

    LtiController(LtiRegistrationStore registrations, LaunchStates states, IdTokenValidator validator,
                  LaunchService launches, DeepLinking deepLinking, ToolKeys keys, LtiProperties props) {
        this.registrations = registrations;
        this.states = states;
        this.validator = validator;
        this.launches = launches;
        this.deepLinking = deepLinking;
        this.keys = keys;
        this.props = props;
    }

    /** OIDC third-party login initiation: remember a state and nonce, send the browser to the platform. */
    @RequestMapping(path = "/login", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> login(@RequestParam(name = "iss", defaultValue = "") String issuer,
                                 @RequestParam(name = "login_hint", defaultValue = "") String loginHint,
                                 @RequestParam(name = "target_link_uri", defaultValue = "") String target,
                                 @RequestParam(name = "lti_message_hint", defaultValue = "") String messageHint,
                                 @RequestParam(name = "client_id", defaultValue = "") String clientId,
                                 @RequestParam(name = "lti_deployment_id", defaultValue = "") String deploymentId) {
        if (issuer.isBlank() || loginHint.isBlank()) {
            throw new LaunchRejected(400, "the login request needs 'iss' and 'login_hint'");
        }
        LtiRegistration reg = registrations.forLogin(issuer.strip(), clientId.strip()).orElseThrow(() ->
                new LaunchRejected(401, "no platform is registered with issuer '" + issuer + "'"
                        + (clientId.isBlank() ? "" : " and client id '" + clientId + "'")));
        if (!deploymentId.isBlank() && !reg.deploymentIds().contains(deploymentId.strip())) {
            throw new LaunchRejected(403, "deployment '" + deploymentId + "' is not registered for this platform");
        }
        LaunchStates.LoginState state = states.begin(reg.id(), target);
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(reg.authLoginUrl())
                .queryParam("scope", "openid").queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post").queryParam("prompt", "none")
                .queryParam("client_id", reg.clientId()).queryParam("redirect_uri", props.launchUrl())
                .queryParam("login_hint", loginHint).queryParam("state", state.state())
                .queryParam("nonce", state.nonce());
        if (!messageHint.isBlank()) {
            redirect.queryParam("lti_message_hint", messageHint);
        }
        URI location = redirect.encode().build().toUri();
        return ResponseEntity.status(302).location(location).cacheControl(CacheControl.noStore()).build();
    }

    /** The platform's form post of the id_token: validate, then launch or show the deep-linking picker. */
    @PostMapping(path = "/launch", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> launch(@RequestParam(name = "id_token", defaultValue = "") String idToken,
                                  @RequestParam(name = "state", defaultValue = "") String state) {
        if (idToken.isBlank() || state.isBlank()) {
            throw new LaunchRejected(400, "the launch needs 'id_token' and 'state' (start it from the LMS)");
        }
        LaunchStates.LoginState login = states.consume(state).orElseThrow(() -> new LaunchRejected(401,
                "this launch's state is unknown, expired or already used (a replayed launch?): start again from "
                        + "the LMS"));
        LtiRegistration reg = registrations.byId(login.registrationId())
                .orElseThrow(() -> new LaunchRejected(401, "the platform was unregistered during the launch"));
        LtiMessage message = validator.validate(reg, idToken, login.nonce());
        if (LtiMessage.DEEP_LINKING.equals(message.messageType())) {
            if (!LtiUsers.isStaff(LtiUsers.roles(message.roles()))) {
                throw new LaunchRejected(403, "only instructors may add Markpoint content to a course");
            }
            LaunchStates.PendingPick pick = states.awaitPick(reg.id(), message);
            return html(200, LtiPages.picker(pick.id(), deepLinking.choices(reg.tenantId())));
        }
        return ResponseEntity.status(303).location(launches.launch(reg, message))
                .cacheControl(CacheControl.noStore()).build();
    }

    /** The teacher's pick: a signed deep-linking response, posted back to the platform by the browser. */
    @PostMapping(path = "/deep-link", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> deepLink(@RequestParam(name = "request", defaultValue = "") String request,
                                    @RequestParam(name = "choice", defaultValue = "") String choice) {
        LaunchStates.PendingPick pick = states.takePick(request).orElseThrow(() -> new LaunchRejected(400,
                "this content selection is unknown, expired or already sent: start it again from the LMS"));
        LtiRegistration reg = registrations.byId(pick.registrationId())
                .orElseThrow(() -> new LaunchRejected(401, "the platform was unregistered meanwhile"));
        String jwt = deepLinking.response(reg, pick, choice);
        LOG.info("LTI deep linking: {} picked {} for {} deployment {}", pick.subject(), choice, reg.issuer(),
                pick.deploymentId());
        return html(200, LtiPages.autoPost(pick.settings().returnUrl(), Map.of("JWT", jwt)));
    }

    /** A tenant's tool keys: the LMSs registered in that tenant verify Markpoint's messages with these. */
    @GetMapping(path = "/jwks/{tenantId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks(@PathVariable String tenantId) {
        if (!tenantId.matches("[A-Za-z0-9._-]{1,100}")) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(keys.published(ToolKeys.Purpose.TOOL, tenantId).toJSONObject(true));
    }

    /** Public keys of the session tokens launches hand out: the gateway verifies them with these. */
    @GetMapping(path = "/session-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> sessionKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(keys.published(ToolKeys.Purpose.SESSION, "").toJSONObject(true));
    }

    @GetMapping(path = "/assets/autosubmit.js", produces = "text/javascript")
    ResponseEntity<String> autosubmit() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body("document.querySelectorAll('form[data-autosubmit]').forEach((f) => f.submit());\n");
    }

    @ExceptionHandler(LaunchRejected.class)
    ResponseEntity<String> refused(LaunchRejected e) {
        // the reason may quote request values: no control characters into the log
        LOG.warn("LTI launch refused ({}): {}", e.status(), e.getMessage().replaceAll("\\p{Cntrl}", "?"));
        return html(e.status(), LtiPages.error(e.status(), e.getMessage()));
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").body(body);
    }
}
