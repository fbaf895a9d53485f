package vn.motcua.dossier.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.dossier.common.CurrentActor;
import vn.motcua.dossier.dossier.DossierViews.DossierView;
import vn.motcua.dossier.workflow.WorkflowViews.ExtensionRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReasonRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReceiveRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ResolveRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReturnRequest;
import vn.motcua.dossier.workflow.WorkflowViews.StepRequest;
import vn.motcua.dossier.workflow.WorkflowViews.SupplementRequest;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Roles;

import static vn.motcua.dossier.dossier.DossierResource.uuid;

/**
 * The officer's actions on a dossier of their agency. Every action is strongly consistent (the response is the
 * dossier after the commit) and writes its event to the outbox; the event reaches Kafka shortly after (eventually
 * consistent for consumers). An optional {@code version} in the body gives 409 when the dossier changed since it was
 * read; an illegal move gives 409 ILLEGAL_TRANSITION naming the current state. {@code X-Audit-Reason} is recorded.
 */
@Path("/api/v1/dossiers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow", description = "Officer actions: receive, supplement, process, resolve, return, refuse, stop")
@APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an officer or leader", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a dossier of your agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Illegal transition or stale version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WorkflowResource {

    @Inject
    WorkflowService workflow;
    @Inject
    CurrentActor currentActor;

    @POST
    @Path("/receive")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Receive (tiếp nhận)", description = "SUBMITTED → RECEIVED with a receipt; due date = processing "
            + "days in working days from today (weekends and public holidays skipped). Fee must be paid.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "receive", value = "{\"version\":1}")))
    @APIResponse(responseCode = "200", description = "Received")
    public DossierView receive(@PathParam("id") String id, ReceiveRequest body) {
        return workflow.receive(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/supplement-request")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Request supplementary documents", description = "Reason and missing items; the due-date clock "
            + "pauses or restarts on resubmission as configured.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "supplement",
            value = "{\"reason\":\"Thiếu giấy chứng sinh bản chính\",\"missingItems\":[\"GCS\"]}")))
    @APIResponse(responseCode = "200", description = "Supplement requested")
    public DossierView supplement(@PathParam("id") String id, SupplementRequest body) {
        return workflow.requestSupplement(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/refuse")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Refuse (từ chối)", description = "With the reason; terminal (portal 3).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "refuse", value = "{\"reason\":\"Hồ sơ không thuộc thẩm quyền\"}")))
    @APIResponse(responseCode = "200", description = "Refused")
    public DossierView refuse(@PathParam("id") String id, ReasonRequest body) {
        return workflow.refuse(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/steps")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Start or hand over a processing step", description = "With assignee and a step deadline "
            + "(date-time, or working days from now). RECEIVED → PROCESSING on the first step.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "step",
            value = "{\"stepName\":\"Thẩm định\",\"assigneeId\":\"cb-002\",\"stepWorkingDays\":1}")))
    @APIResponse(responseCode = "200", description = "Step started")
    public DossierView step(@PathParam("id") String id, StepRequest body) {
        return workflow.changeStep(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/resolve")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Resolve (result ready)", description = "Records the result; counts early / on time / late. With "
            + "return by post the resolved event carries the delivery address for postal-delivery-service.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resolve",
            value = "{\"resultSummary\":\"Đã cấp Giấy khai sinh số 123/2026\"}")))
    @APIResponse(responseCode = "200", description = "Resolved")
    public DossierView resolve(@PathParam("id") String id, ResolveRequest body) {
        return workflow.resolve(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/return")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Return the result at the counter or electronically", description = "RESOLVED → RETURNED. A "
            + "result going by post is returned by the postal delivery confirmation instead (unless the post gave up).")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "return", value = "{}")))
    @APIResponse(responseCode = "200", description = "Returned")
    public DossierView returnResult(@PathParam("id") String id, ReturnRequest body) {
        return workflow.returnResult(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/stop")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Stop processing", description = "With the reason; terminal (portal 8).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "stop", value = "{\"reason\":\"Người nộp đã mất\"}")))
    @APIResponse(responseCode = "200", description = "Stopped")
    public DossierView stop(@PathParam("id") String id, ReasonRequest body) {
        return workflow.stop(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/withdrawal/approve")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Approve the applicant's withdrawal request", description = "WITHDRAWAL_REQUESTED → WITHDRAWN.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"reason\":\"Đồng ý rút hồ sơ\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn")
    public DossierView approveWithdrawal(@PathParam("id") String id, ReasonRequest body) {
        return workflow.approveWithdrawal(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/withdrawal/reject")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Reject the withdrawal request", description = "Back to the state before the request.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = "{\"reason\":\"Hồ sơ đã có kết quả\"}")))
    @APIResponse(responseCode = "200", description = "Back in processing")
    public DossierView rejectWithdrawal(@PathParam("id") String id, ReasonRequest body) {
        return workflow.rejectWithdrawal(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/due-date-extensions")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Apology letter with a new due date (phiếu xin lỗi và hẹn lại)",
            description = "The new date must be later; reason and officer are recorded; clears the overdue flag.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "extend",
            value = "{\"newDueAt\":\"2026-12-04T17:00:00+07:00\",\"reason\":\"Cần xác minh thêm tại địa phương\"}")))
    @APIResponse(responseCode = "200", description = "Extended")
    @APIResponse(responseCode = "422", description = "New date not later", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DossierView extend(@PathParam("id") String id, ExtensionRequest body) {
        return workflow.extendDueDate(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/reopen")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Reopen a closed dossier (leader or admin)", description = "RETURNED → PROCESSING, REFUSED → "
            + "SUBMITTED; audited with the reason.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reopen", value = "{\"reason\":\"Sai sót trong kết quả\"}")))
    @APIResponse(responseCode = "200", description = "Reopened")
    public DossierView reopen(@PathParam("id") String id, ReasonRequest body) {
        return workflow.reopen(uuid(id), currentActor.get(), body);
    }
}
