using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Education;

public sealed record ExamSessionSignals(
    string SessionId,
    string StudentNumber,
    string ExamPaperId,
    string VisitorId,
    bool WebDriverFlag,
    int TabSwitches,
    double MedianAnswerSeconds,
    IReadOnlyList<double> KeystrokeIntervals);

public sealed record IntegrityFlag(string SessionId, string Kind, double Severity);

public sealed class ImpersonationSuspectedException(string studentNumber, string otherStudentNumber, string paper)
    : Exception($"Student {studentNumber} sat {paper} on a device already used by {otherStudentNumber}");

/// <summary>
/// Watches online exam sessions for automation and impersonation and sends flagged sessions to the
/// invigilation team's review queue.
/// </summary>
public sealed class ExamIntegrityMonitor(
    IVelocityStore velocity,
    IReviewQueue reviews,
    Pseudonymizer pseudonymizer,
    ILogger<ExamIntegrityMonitor> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Exams.Integrity");

    private readonly Counter<long> _flags = meter.CreateCounter<long>("exams.integrity.flags");

    public async Task<IReadOnlyList<IntegrityFlag>> EvaluateAsync(ExamSessionSignals signals, CancellationToken ct)
    {
        using var activity = Source.StartActivity("exams.integrity.evaluate");
        activity?.SetTag("exam.session.id", signals.SessionId); // clean direct
        activity?.SetTag("exam.paper.id", signals.ExamPaperId);
        activity?.SetTag("exam.tab_switches", signals.TabSwitches); // clean precision-about

        var flags = new List<IntegrityFlag>();
        if (signals.WebDriverFlag || signals.MedianAnswerSeconds < 2.0)
        {
            flags.Add(new IntegrityFlag(signals.SessionId, "automation", signals.WebDriverFlag ? 1.0 : 0.6));
        }

        var candidates = await velocity.AddDistinctAsync($"exam-device:{signals.ExamPaperId}:{signals.VisitorId}", signals.StudentNumber, TimeSpan.FromDays(1), ct);
        if (candidates > 1)
        {
            var students = await velocity.MembersAsync($"exam-device:{signals.ExamPaperId}:{signals.VisitorId}", ct);
            var other = students.First(s => s != signals.StudentNumber);
            var impersonation = new ImpersonationSuspectedException(signals.StudentNumber, other, signals.ExamPaperId);
            logger.LogWarning(impersonation, "Impersonation check failed for session {SessionId}", signals.SessionId); // leak TC1001 exceptions
            flags.Add(new IntegrityFlag(signals.SessionId, "shared-device", 0.9));
        }

        foreach (var flag in flags)
        {
            _flags.Add(1, new KeyValuePair<string, object?>("kind", flag.Kind), new KeyValuePair<string, object?>("paper", signals.ExamPaperId)); // clean direct
        }

        logger.LogInformation("Integrity flags {Flags}", flags); // clean logging-objects
        activity?.SetTag("exam.student", signals.StudentNumber); // leak TC1001 direct

        if (flags.Count > 0)
        {
            var caseId = await reviews.EnqueueAsync(new ReviewItem("invigilation", signals.StudentNumber, $"{flags.Count} integrity flags on {signals.ExamPaperId}", flags.Max(f => f.Severity), new Dictionary<string, string>()), ct);
            using var review = Source.StartAbuseReview(caseId).SetAbuseQueue("invigilation").SetAbuseActorId(pseudonymizer.PseudonymizeAbuseActorId(signals.StudentNumber)); // clean precision-pseudonym
            review.SetAbuseNote($"session {signals.SessionId}: {string.Join(",", flags.Select(f => f.Kind))}"); // clean generated-api
        }

        return flags;
    }

    /// <summary>An invigilator closes a case with a decision and a note typed in the review tool.</summary>
    public async Task ResolveAsync(string caseId, string invigilatorEmail, string decision, CancellationToken ct)
    {
        var reviewCase = await reviews.GetAsync(caseId, ct);
        if (reviewCase is null)
        {
            logger.LogWarning("Case {CaseId} not found", caseId);
            return;
        }

        await reviews.CloseAsync(caseId, decision, ct);
        var span = Activity.Current.EnrichAbuseReview(caseId).SetAbuseQueue(reviewCase.Queue);
        span.SetAbuseNote(reviewCase.AnalystNote ?? "(none)"); // leak TC1001 generated-api
        logger.LogInformation("Case {CaseId} closed as {Decision} by {Invigilator}", caseId, decision, invigilatorEmail); // leak TC1001 direct
        logger.LogInformation("Case {CaseId} was open {Hours:F1} hours, {NoteLength} characters of notes", caseId, (DateTimeOffset.UtcNow - reviewCase.OpenedAt).TotalHours, reviewCase.AnalystNote?.Length ?? 0); // clean precision-about
        Activity.Current?.SetTag("review.subject", reviewCase.SubjectKey); // leak TC1001 cross-member
    }
}
