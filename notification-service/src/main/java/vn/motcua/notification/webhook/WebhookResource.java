package vn.motcua.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.notification.message.DeliveryStatus;
import vn.motcua.notification.message.Times;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/notifications/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Webhooks (admin)", description = "Signed HTTP callbacks of platform events for outside systems")
public class WebhookResource {

    @Inject
    WebhookService webhooks;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Caller caller;
    @Inject
    WebhookSecrets secrets;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public record SubscriptionRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Cổng thông tin tỉnh") String name,
            @NotBlank @Size(max = 2000) @Schema(example = "https://receiver.example.vn/motcua/events") String url,
            @NotEmpty @Size(max = 100) @Schema(example = "[\"vn.motcua.dossier.received.v1\"]",
                    description = "CloudEvents types to receive, or [\"*\"] for all") List<String> eventTypes,
            @Size(min = 16, max = 200) @Schema(description = "shared secret; generated when absent") String secret) {

        /** The same request with the secret replaced by its keyed digest: what the idempotency record may hold. */
        SubscriptionRequest withoutSecret(WebhookSecrets secrets) {
            return secret == null ? this : new SubscriptionRequest(name, url, eventTypes, "digest:" + secrets.digest(secret));
        }
    }

    public record SubscriptionUpdate(@Size(max = 2000) String url, @Size(max = 100) List<String> eventTypes,
                                     @Schema(example = "ACTIVE") WebhookSubscription.Status status,
                                     @NotNull @Schema(example = "0") Long version) {
    }

    public record SubscriptionView(String id, String name, String url, List<String> eventTypes, String status,
                                   int consecutiveFailures, String pausedReason, OffsetDateTime createdAt, long version,
                                   @Schema(description = "only in the creation response") String secret) {
        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id.toString(), s.name, s.url, s.eventTypeList(), s.status, s.consecutiveFailures,
                    s.pausedReason, Times.local(s.createdAt), s.version, secret);
        }

        SubscriptionView withSecret(String value) {
            return new SubscriptionView(id, name, url, eventTypes, status, consecutiveFailures, pausedReason, createdAt, version, value);
        }
    }

    public record DeliveryView(String id, String eventId, String eventType, String status, int attempts,
                               Integer lastResponseStatus, String lastError, boolean deadLettered,
                               OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt,
                               List<WebhookService.Attempt> log) {
        static DeliveryView of(WebhookService.DeliveryLog log) {
            WebhookDelivery d = log.delivery();
            return new DeliveryView(d.id.toString(), d.eventId, d.eventType, d.status.name(), d.attempts,
                    d.lastResponseStatus, d.lastError, d.deadLetteredAt != null, Times.local(d.nextAttemptAt),
                    Times.local(d.deliveredAt), Times.local(d.createdAt), log.attempts());
        }
    }

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a system to events",
            description = "Each delivery is a POST of the CloudEvent (application/cloudevents+json) with headers "
                    + "X-Motcua-Timestamp (Unix seconds), X-Motcua-Signature (sha256=hex HMAC-SHA256 of "
                    + "timestamp + '.' + body with the secret), X-Motcua-Event-Id, X-Motcua-Event-Type, X-Motcua-Delivery-Id. "
                    + "Any 2xx acknowledges; redirects are not followed. The URL must be https and its host must resolve to "
                    + "public addresses only (checked now and before every delivery). The secret is returned only here "
                    + "(and to an idempotent replay); it is stored encrypted. Accepts Idempotency-Key.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "subscribe", value = """
            {"name":"Cổng thông tin tỉnh","url":"https://receiver.example.vn/motcua/events",
            "eventTypes":["vn.motcua.dossier.received.v1","vn.motcua.dossier.resolved.v1"]}""")))
    @APIResponse(responseCode = "201", description = "Created, with the secret")
    @APIResponse(responseCode = "400", description = "Bad URL (not https outside dev/test, credentials in it) or unknown event type", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "WEBHOOK_DESTINATION_FORBIDDEN: the host does not resolve, or resolves to a loopback, private, link-local, unique-local, multicast or cloud metadata address", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid SubscriptionRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        // the idempotency record keeps the answer without the secret (and the request with a keyed digest of it); the
        // secret is added to the answer here, the first time and on a replay alike, from the sealed copy
        Response response = idempotencyKeys.run("webhook.create", caller.subject(), key, request.withoutSecret(secrets), () -> {
            WebhookService.Created created = webhooks.create(request.name(), request.url(), request.eventTypes(),
                    Optional.ofNullable(request.secret()), caller.subject());
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/notifications/admin/webhooks/" + created.subscription().id),
                    SubscriptionView.of(created.subscription(), null));
        });
        SubscriptionView view = viewOf(response.getEntity());
        return Response.fromResponse(response).entity(view.withSecret(webhooks.secretOf(view.id()).orElse(null)))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private SubscriptionView viewOf(Object entity) {
        if (entity instanceof SubscriptionView view) {
            return view;
        }
        try {
            return json.readValue((String) entity, SubscriptionView.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored webhook creation answer is unreadable", e);
        }
    }

    @GET
    @Operation(summary = "List subscriptions", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Subscriptions")
    public List<SubscriptionView> list() {
        return webhooks.list().stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView get(@PathParam("id") String id) {
        return SubscriptionView.of(webhooks.get(id), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change URL or filter, pause or resume",
            description = "status ACTIVE resumes a paused subscription (its queued deliveries go out) and clears the failure count.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resume", value = "{\"status\":\"ACTIVE\",\"version\":3}")))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Bad URL, unknown event type or status", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "WEBHOOK_DESTINATION_FORBIDDEN: the new URL leads to a non-public address", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView update(@PathParam("id") String id, @NotNull @Valid SubscriptionUpdate update) {
        return SubscriptionView.of(webhooks.update(id, Optional.ofNullable(update.url()), Optional.ofNullable(update.eventTypes()),
                Optional.ofNullable(update.status()), update.version()), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery log of a subscription, newest first, with every HTTP attempt",
            description = "Filter by status. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Optional<DeliveryStatus> filter = Optional.ofNullable(status).map(s -> {
            try {
                return DeliveryStatus.valueOf(s.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommonProblems.InvalidInput("status", "'" + s + "' is not a delivery status");
            }
        });
        Page<WebhookService.DeliveryLog> logs = webhooks.deliveries(id, filter, PageRequest.of(page, size));
        return new Page<>(logs.items().stream().map(DeliveryView::of).toList(), logs.page(), logs.size(), logs.total());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/resend")
    @Operation(summary = "Send a delivery again", description = "Fresh attempts, due at once; works for dead letters and delivered ones alike.")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Being sent right now", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DeliveryView resend(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return DeliveryView.of(webhooks.resend(id, deliveryId));
    }
}
