using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Gaming;

/// <summary>A customer interaction case the operator's safer gambling team opens when a marker of harm fires.</summary>
public sealed record InteractionCase(string CaseId, Guid PlayerId, string Username, string Trigger, decimal NetDeposits30d, string? AgentStaffId);

/// <summary>The credit reference agency's affordability report for a player.</summary>
public sealed record AffordabilityReport(string ReportId, string IncomeBand, bool FinancialVulnerabilityFlag);

/// <summary>A complaint the player took to the operator's alternative dispute resolution provider.</summary>
public sealed record AdrComplaint(string ComplaintReference, Guid PlayerId, string Provider, string Summary);

public interface IAffordabilityChecks
{
    Task<AffordabilityReport> RequestAsync(Guid playerId, CancellationToken cancellationToken);
}

public sealed class SaferGamblingCaseService(
    IAffordabilityChecks affordability,
    ActivitySource source,
    Meter meter,
    ILogger<SaferGamblingCaseService> logger,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _interactions = meter.CreateCounter<long>("safer_gambling.interactions", "{interaction}");

    public async Task OpenAsync(InteractionCase interaction, CancellationToken cancellationToken)
    {
        using var span = source.StartCaseworkCase("safer-gambling-interaction", spanName: "safer_gambling.case.open");
        span.SetCaseworkCaseId(interaction.CaseId)
            .SetCaseworkSubjectId(pseudonymizer.PseudonymizeCaseworkSubjectId(interaction.PlayerId.ToString())); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("safer_gambling.trigger", interaction.Trigger); // clean precision-about
        activity?.SetTag("safer_gambling.player", interaction.PlayerId); // leak TC1001 direct

        // Second-line reviewers take one of four cohorts each week.
        var cohort = HashCode.Combine(interaction.PlayerId) & 3;
        activity?.SetTag("safer_gambling.review_cohort", cohort); // leak TC1002 hashes

        _interactions.Add(1, new KeyValuePair<string, object?>("trigger", interaction.Trigger), new KeyValuePair<string, object?>("agent", interaction.AgentStaffId)); // leak TC1003 direct

        using (logger.BeginScope("Case {CaseId} for {Username}", interaction.CaseId, interaction.Username)) // leak TC1001 logging-objects
        {
            var report = await affordability.RequestAsync(interaction.PlayerId, cancellationToken);
            logger.LogInformation("Affordability report {ReportId}: band {Band}, vulnerable {Flag}", report.ReportId, report.IncomeBand, report.FinancialVulnerabilityFlag); // clean cross-member
        }
    }

    public void AddNote(InteractionCase interaction, string note)
    {
        var span = new CaseworkCaseSpan(Activity.Current);
        span.SetCaseworkSubjectId(Pseudonym.FromComputed(interaction.Username)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Case {CaseId} note: {Note}", interaction.CaseId, note); // leak TC1001 direct
        logger.LogDebug("Case {CaseId} note of {Length} characters", interaction.CaseId, note.Length); // clean precision-about
    }

    public void Escalated(AdrComplaint complaint)
    {
        var activity = Activity.Current;
        activity?.SetTag("adr.complaint_reference", complaint.ComplaintReference); // clean direct
        activity?.SetTag("adr.provider", complaint.Provider); // clean direct
        logger.LogWarning("ADR complaint {Reference}: {Summary}", complaint.ComplaintReference, complaint.Summary); // leak TC1001 direct
    }
}
