using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Healthcare;

/// <summary>A first-day sickness report, made through the staff absence line or the app.</summary>
public sealed record AbsenceReport(string StaffNumber, DateOnly FirstDay, string ReasonCode, string? Description, string ReportedVia, string WardCode);

public sealed record AbsenceEpisode(DateOnly FirstDay, DateOnly? LastDay, string ReasonCode)
{
    public int Days => LastDay is { } last ? last.DayNumber - FirstDay.DayNumber + 1 : 1;
}

/// <summary>A fit note (statement of fitness for work) from the member of staff's GP, as the HR adviser keys it in.</summary>
public sealed record FitNote(string StaffNumber, string Condition, int Weeks, bool MayBeFitWithAdjustments);

/// <summary>The manager's return-to-work interview.</summary>
public sealed record ReturnToWorkInterview(string StaffNumber, string ManagerStaffNumber, DateOnly HeldOn, bool AdjustmentsAgreed, string ManagerNotes);

public interface IAbsenceStore
{
    Task<IReadOnlyList<AbsenceEpisode>> EpisodesInLastYearAsync(string staffNumber, CancellationToken cancellationToken = default);

    Task OpenEpisodeAsync(AbsenceReport report, CancellationToken cancellationToken = default);

    Task SaveInterviewAsync(ReturnToWorkInterview interview, CancellationToken cancellationToken = default);
}

/// <summary>
/// Records sickness absence for the trust's staff and works out the Bradford factor that starts the
/// attendance policy's stages.
/// </summary>
public sealed class SicknessAbsenceService(
    IAbsenceStore store,
    Pseudonymizer pseudonymizer,
    ILogger<SicknessAbsenceService> logger,
    Meter meter)
{
    private const int FirstTriggerPoint = 51;
    private readonly Counter<long> _absences = meter.CreateCounter<long>("workforce.absence.reported");

    // Added for the "frequent short absences" dashboard the HR business partners asked for.
    private readonly Counter<long> _episodesByStaff = meter.CreateCounter<long>("workforce.absence.episodes");

    public async Task ReportAsync(AbsenceReport report, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("absence.reason_code", report.ReasonCode); // clean precision-names
        activity?.SetTag("absence.reported_via", report.ReportedVia); // clean precision-names
        activity?.SetTag("absence.description", report.Description); // leak TC1001 direct
        activity?.SetTag("absence.description_length", report.Description?.Length ?? 0); // clean precision-about

        await store.OpenEpisodeAsync(report, cancellationToken);
        logger.LogInformation("Absence opened {@Report}", report); // leak TC1001 logging-objects

        var episodes = await store.EpisodesInLastYearAsync(report.StaffNumber, cancellationToken);
        var spells = episodes.Count + 1;
        var days = episodes.Sum(e => e.Days) + 1;
        var bradford = spells * spells * days;
        activity?.SetTag("absence.bradford_factor", bradford); // clean precision-about

        if (bradford >= FirstTriggerPoint)
        {
            logger.LogInformation("Trigger point reached for {StaffRef}: Bradford factor {Score}", pseudonymizer.ComputeWorkforceEmployeeId(report.StaffNumber), bradford); // clean precision-pseudonym
        }

        _absences.Add(1, new TagList { { "reason", report.ReasonCode }, { "ward", report.WardCode } }); // clean precision-names
        _episodesByStaff.Add(1, new TagList { { "reason", report.ReasonCode }, { "staff", report.StaffNumber } }); // leak TC1003 direct
    }

    public void AttachFitNote(FitNote note)
    {
        var activity = Activity.Current;
        activity?.SetTag("fit_note.weeks", note.Weeks); // clean precision-about
        activity?.SetTag("fit_note.condition", note.Condition); // leak TC1001 direct
        logger.LogInformation("Fit note attached for {StaffNumber}; adjustments possible: {Adjustments}", note.StaffNumber, note.MayBeFitWithAdjustments); // leak TC1001 direct
    }

    public async Task RecordInterviewAsync(ReturnToWorkInterview interview, CancellationToken cancellationToken)
    {
        await store.SaveInterviewAsync(interview, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Manager"] = interview.ManagerStaffNumber, ["HeldOn"] = interview.HeldOn }); // leak TC1001 logging-objects
        logger.LogInformation("Return-to-work interview recorded; adjustments agreed: {Adjustments}", interview.AdjustmentsAgreed); // clean precision-about
        logger.LogDebug("Interview notes: {Notes}", interview.ManagerNotes); // leak TC1001 direct
        logger.LogDebug("Interview notes were {Length} characters", interview.ManagerNotes.Length); // clean precision-about
    }
}
