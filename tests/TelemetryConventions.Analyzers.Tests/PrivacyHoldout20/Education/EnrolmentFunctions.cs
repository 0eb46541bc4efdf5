using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Education;

public sealed record EnrolmentApplication(string StudentNumber, string CourseCode, string GuardianEmail, int YearGroup);

public sealed record EnrolmentProgress(string Step, int Completed, int Total);

public sealed record TutorDecision(bool Approved, string TutorEmail, string? Note);

public sealed record GuardianNotice(string StudentNumber, string GuardianEmail, string CourseCode);

public interface IGuardianMailer
{
    Task SendConsentRequestAsync(string email, string courseCode, CancellationToken cancellationToken);
}

public interface ICoursePlaces
{
    Task<int> RemainingAsync(string courseCode, CancellationToken cancellationToken);
}

/// <summary>Course enrolment as a durable orchestration; instances get the ids the client generates.</summary>
public sealed class EnrolmentFunctions(
    ICoursePlaces places,
    IGuardianMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<EnrolmentFunctions> logger)
{
    [Function("StartEnrolment")]
    public async Task<HttpResponseData> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "enrolments")] HttpRequestData req,
        [DurableClient] DurableTaskClient client)
    {
        var application = await req.ReadFromJsonAsync<EnrolmentApplication>();
        if (application is null)
        {
            return req.CreateResponse(HttpStatusCode.BadRequest);
        }

        logger.LogInformation("Enrolment requested by {Guardian}", application.GuardianEmail); // leak TC1001 direct
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(EnrolmentOrchestrator), application);
        logger.LogInformation("Enrolment {InstanceId} started for course {Course}", instanceId, application.CourseCode); // clean precision-names
        Activity.Current?.SetTag("enrolment.year_group", application.YearGroup); // clean precision-about

        var response = req.CreateResponse(HttpStatusCode.Accepted);
        await response.WriteAsJsonAsync(new { instanceId });
        return response;
    }

    [Function("DecideEnrolment")]
    public async Task<HttpResponseData> Decide(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "enrolments/{instanceId}/decision")] HttpRequestData req,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var decision = await req.ReadFromJsonAsync<TutorDecision>();
        if (decision is null)
        {
            return req.CreateResponse(HttpStatusCode.BadRequest);
        }

        await client.RaiseEventAsync(instanceId, "TutorApproval", decision.Approved);
        logger.LogInformation("Enrolment {InstanceId} decided by {Tutor}", instanceId, decision.TutorEmail); // leak TC1001 direct
        Activity.Current?.SetTag("enrolment.decision", decision.Approved ? "approved" : "declined"); // clean precision-about
        return req.CreateResponse(HttpStatusCode.NoContent);
    }

    [Function(nameof(EnrolmentOrchestrator))]
    public async Task<bool> EnrolmentOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger(nameof(EnrolmentOrchestrator));
        var application = context.GetInput<EnrolmentApplication>()!;
        var startedAt = context.CurrentUtcDateTime;
        log.LogInformation("Enrolment {InstanceId} for course {Course}", context.InstanceId, application.CourseCode); // clean precision-names

        context.SetCustomStatus(new EnrolmentProgress("places", 0, 3));
        var remaining = await context.CallActivityAsync<int>(nameof(CheckPlaces), application.CourseCode);
        if (remaining == 0)
        {
            log.LogInformation("Course {Course} is full", application.CourseCode);
            return false;
        }

        context.SetCustomStatus(new EnrolmentProgress("guardian", 1, 3));
        await context.CallActivityAsync(nameof(NotifyGuardian), new GuardianNotice(application.StudentNumber, application.GuardianEmail, application.CourseCode));

        context.SetCustomStatus(new EnrolmentProgress("tutor", 2, 3));
        log.LogInformation("Awaiting tutor approval for {Student}", application.StudentNumber); // leak TC1001 cross-member
        var approved = await context.WaitForExternalEvent<bool>("TutorApproval");

        context.SetCustomStatus(new EnrolmentProgress(approved ? "approved" : "declined", 3, 3));
        if (!context.IsReplaying)
        {
            var seconds = (context.CurrentUtcDateTime - startedAt).TotalSeconds;
            meter.CreateWorkflowDurationHistogram().Record(seconds, nameof(EnrolmentOrchestrator), workflowStatus: approved ? "approved" : "declined", workflowInstanceId: context.InstanceId); // clean generated-api
        }

        return approved;
    }

    [Function(nameof(CheckPlaces))]
    public Task<int> CheckPlaces([ActivityTrigger] string courseCode, FunctionContext executionContext) =>
        places.RemainingAsync(courseCode, executionContext.CancellationToken);

    [Function(nameof(NotifyGuardian))]
    public async Task NotifyGuardian([ActivityTrigger] GuardianNotice notice, FunctionContext executionContext)
    {
        using var step = source.StartWorkflowStep(nameof(EnrolmentOrchestrator), nameof(NotifyGuardian));
        step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(notice.StudentNumber)); // clean precision-pseudonym
        step.Activity?.SetTag(WorkflowAttributes.PartyContact, pseudonymizer.Compute("guardian.email", notice.GuardianEmail)); // leak TC1001 precision-pseudonym

        await mailer.SendConsentRequestAsync(notice.GuardianEmail, notice.CourseCode, executionContext.CancellationToken);
        step.SetWorkflowStatus($"consent request sent to {notice.GuardianEmail.Split('@')[1]}"); // clean precision-about
    }

    [Function("RunningEnrolments")]
    public async Task<HttpResponseData> Running(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "enrolments/running")] HttpRequestData req,
        [DurableClient] DurableTaskClient client)
    {
        var count = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Running], FetchInputsAndOutputs: true)))
        {
            count++;
            var progress = instance.ReadCustomStatusAs<EnrolmentProgress>();
            logger.LogDebug("Enrolment {InstanceId} at {Step} ({Done}/{Total})", instance.InstanceId, progress?.Step, progress?.Completed, progress?.Total); // clean precision-about
            if (progress?.Step == "tutor" && DateTimeOffset.UtcNow - instance.LastUpdatedAt > TimeSpan.FromDays(7))
            {
                logger.LogWarning("Enrolment waiting a week for the tutor: {Input}", instance.SerializedInput); // leak TC1001 cross-member
            }
        }

        Activity.Current?.SetTag("enrolment.running.count", count);
        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new { count });
        return response;
    }
}
