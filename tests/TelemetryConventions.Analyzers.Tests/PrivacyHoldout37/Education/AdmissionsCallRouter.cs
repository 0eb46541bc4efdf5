using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Education;

/// <summary>A call to the admissions hotline once the IVR has run: the applicant's number is the UCAS personal id they keyed in, if any.</summary>
public sealed record AdmissionsCall(string CallSid, string From, string? ApplicantId, string CourseCode, string Language, bool Clearing);

public sealed record AdviserWrapUp(string CallSid, string TaskSid, string Queue, string Code, string? Notes, TimeSpan Talk, TimeSpan Hold);

/// <summary>Routes admissions calls to advisers through the routing platform and pops the applicant's record on the adviser's desktop.</summary>
public sealed class AdmissionsCallRouter(
    IRoutingApi routing,
    IAgentDesktop desktop,
    Pseudonymizer pseudonymizer,
    ILogger<AdmissionsCallRouter> logger)
{
    private const string WorkflowSid = "WW0f3c5d2e1a4b69788796a5b4c3d2e1f0";
    private static readonly ActivitySource Source = new("University.Admissions.Telephony");
    private static readonly Meter Meter = new("University.Admissions.Telephony");
    private static readonly Histogram<int> TaskAge = Meter.CreateHistogram<int>("admissions.task.age", "s");
    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>("admissions.reservations");

    public async Task<RoutingTask> RouteAsync(AdmissionsCall call, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("admissions.route");
        var attributes = JsonSerializer.Serialize(new
        {
            call_sid = call.CallSid,
            from = call.From,
            applicant = call.ApplicantId,
            course = call.CourseCode,
            language = call.Language,
            clearing = call.Clearing,
        });
        var priority = call.Clearing ? 50 : 10;

        var task = await routing.CreateTaskAsync(WorkflowSid, attributes, priority, timeoutSeconds: 900, cancellationToken);
        activity?.SetTag("task.sid", task.Sid);
        activity?.SetTag("task.queue", task.QueueName);
        activity?.SetTag("task.course", call.CourseCode); // clean precision-about
        activity?.SetTag("task.applicant.known", call.ApplicantId is not null); // clean precision-about
        logger.LogDebug("Created task {TaskSid} in {Queue} with {Attributes}", task.Sid, task.QueueName, attributes); // leak TC1001 logging-objects
        return task;
    }

    public async Task OnReservationAcceptedAsync(Reservation reservation, RoutingTask task, AdmissionsCall call, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("admissions.reservation");
        logger.LogInformation("Task {TaskSid} accepted by {Adviser}", reservation.TaskSid, reservation.WorkerName); // leak TC1001 direct
        activity?.SetTag("reservation.worker", reservation.WorkerSid); // leak TC1001 direct
        activity?.SetTag("reservation.sid", reservation.Sid);
        TaskAge.Record(task.AgeSeconds, new KeyValuePair<string, object?>("task.queue", task.QueueName));
        Reservations.Add(1, new KeyValuePair<string, object?>("task.queue", task.QueueName), new KeyValuePair<string, object?>("adviser", reservation.WorkerName)); // leak TC1003 direct

        var fields = new Dictionary<string, string>
        {
            ["Course"] = call.CourseCode,
            ["Clearing"] = call.Clearing ? "yes" : "no",
            ["Caller"] = call.From,
        };
        var url = call.ApplicantId is null
            ? new Uri($"https://crm.university.example/enquiries/new?call={call.CallSid}")
            : new Uri($"https://crm.university.example/applicants/{call.ApplicantId}?call={call.CallSid}");
        var pop = new ScreenPop(call.CallSid, url, $"Admissions: {call.CourseCode}{(call.Clearing ? " (clearing)" : string.Empty)}", fields);
        await desktop.ScreenPopAsync(reservation.WorkerSid, pop, cancellationToken);

        activity?.SetTag("screenpop.url", pop.Url.ToString()); // leak TC1001 strings
        activity?.SetTag("screenpop.title", pop.Title); // clean strings
        activity?.SetTag("screenpop.field.count", pop.Fields.Count); // clean precision-about
        logger.LogDebug("Screen pop fields {Fields}", string.Join(", ", pop.Fields.Select(f => $"{f.Key}={f.Value}"))); // leak TC1001 logging-objects
        logger.LogDebug("Screen pop field names {Fields}", string.Join(", ", pop.Fields.Keys)); // clean logging-objects
    }

    public void OnWrapUp(AdviserWrapUp wrapUp, string? applicantId)
    {
        var completed = Meter.CreateCallCompletedCounter();
        completed.Add(1, callQueue: wrapUp.Queue, callWrapupCode: wrapUp.Code, callOutcome: wrapUp.Hold > TimeSpan.FromMinutes(5) ? "long-hold" : "answered"); // clean generated-api
        if (applicantId is not null)
        {
            var applicantRef = pseudonymizer.ComputeCallCallerId(applicantId);
            logger.LogInformation("Wrap-up {Code} for applicant {ApplicantRef} on {CallSid}", wrapUp.Code, applicantRef, wrapUp.CallSid); // clean precision-pseudonym
        }
        Activity.Current?.SetTag("wrapup.notes", wrapUp.Notes); // leak TC1001 direct
        Activity.Current?.SetTag("wrapup.notes.present", !string.IsNullOrWhiteSpace(wrapUp.Notes)); // clean precision-about
        Activity.Current?.SetTag("wrapup.talk.seconds", wrapUp.Talk.TotalSeconds);
    }
}
