using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Education;

/// <summary>Live proctoring: candidates connect while they sit an exam, invigilators watch the room.</summary>
public sealed class ProctoringHub(ILogger<ProctoringHub> logger, Pseudonymizer pseudonymizer, IProctoringRoster roster) : Hub
{
    private static readonly ActivitySource Source = new("Exams.Proctoring");
    private static readonly ConcurrentDictionary<string, string> CandidatesByConnection = new();

    public override async Task OnConnectedAsync()
    {
        var studentNumber = Context.UserIdentifier ?? "anonymous";
        CandidatesByConnection[Context.ConnectionId] = studentNumber;

        Activity.Current?.SetTag("signalr.connection.id", Context.ConnectionId); // clean precision-names
        Activity.Current?.SetTag("exam.student.number", Context.UserIdentifier); // leak TC1001 direct
        logger.LogInformation("Candidate connected on {ConnectionId}", Context.ConnectionId); // clean precision-names

        var sitting = await roster.CurrentSittingAsync(studentNumber);
        await Groups.AddToGroupAsync(Context.ConnectionId, sitting);
        logger.LogInformation("Candidate {Candidate} joined sitting {Sitting}", studentNumber, sitting); // leak TC1001 cross-member
        Activity.Current?.SetTag("exam.seat", string.Format(CultureInfo.InvariantCulture, "{0}/{1}", sitting, studentNumber)); // leak TC1001 strings
        Activity.Current?.SetTag("exam.room", string.Format(CultureInfo.InvariantCulture, "{0}/{1}", sitting, Context.ConnectionId[..8])); // clean strings
    }

    public async Task ReportIncident(string kind, string detail)
    {
        var studentNumber = CandidatesByConnection.GetValueOrDefault(Context.ConnectionId);
        using var activity = Source.StartActivity("proctoring.incident");
        activity?.SetTag("exam.incident.kind", kind);

        if (studentNumber is null)
        {
            throw new HubException($"Connection {Context.ConnectionId} has no candidate"); // clean exceptions
        }

        var candidate = pseudonymizer.PseudonymizeExamStudentId(studentNumber);
        activity.EnrichExamSubmission(candidate).AddExamSubmissionLateEvent(kind); // clean generated-api
        activity?.AddEvent(new ActivityEvent("exam.incident", tags: new ActivityTagsCollection { ["exam.student.id"] = candidate.Value, ["exam.incident.kind"] = kind })); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("exam.incident.detail", tags: new ActivityTagsCollection { ["detail"] = $"{kind} reported for {studentNumber}" })); // leak TC1001 strings

        await Clients.Group("invigilators").SendAsync("incident", new { kind, detail });
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        CandidatesByConnection.TryRemove(Context.ConnectionId, out var studentNumber);
        if (exception is not null)
        {
            logger.LogWarning("Candidate connection dropped: {Reason}", exception.GetType().Name); // clean exceptions
        }

        var email = Context.User?.FindFirst(ClaimTypes.Email)?.Value;
        logger.LogInformation("Disconnected {Email}", email); // leak TC1001 direct
        logger.LogInformation("Disconnected a candidate from {Domain}", email?.Split('@').LastOrDefault()); // clean precision-about
        return Task.CompletedTask;
    }
}

public interface IProctoringRoster
{
    Task<string> CurrentSittingAsync(string studentNumber);
}

/// <summary>The invigilator dashboard: a gauge of connected candidates per sitting.</summary>
public sealed class ProctoringGauges
{
    private readonly Dictionary<string, HashSet<string>> _candidatesBySitting = new();

    public ProctoringGauges(Meter meter)
    {
        meter.CreateObservableGauge("exam.proctoring.connected", () =>
            _candidatesBySitting.Select(s => new Measurement<int>(s.Value.Count, new KeyValuePair<string, object?>("exam.sitting.id", s.Key)))); // clean precision-about

        meter.CreateObservableGauge("exam.proctoring.candidate_online", () =>
            _candidatesBySitting.SelectMany(s => s.Value).Select(student => new Measurement<int>(1, new KeyValuePair<string, object?>("exam.student.number", student)))); // leak TC1003 cross-member
    }

    public void Joined(string sittingId, string studentNumber)
    {
        if (!_candidatesBySitting.TryGetValue(sittingId, out var set))
        {
            _candidatesBySitting[sittingId] = set = new HashSet<string>();
        }
        set.Add(studentNumber);
    }
}
