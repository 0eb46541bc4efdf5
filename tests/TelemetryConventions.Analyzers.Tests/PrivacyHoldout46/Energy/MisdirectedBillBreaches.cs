using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Energy;

/// <summary>A personal data breach logged by the data protection team: bills emailed to the wrong customer.</summary>
public sealed record BreachAssessment(
    string BreachId,
    DateTimeOffset DiscoveredAt,
    IReadOnlyList<string> AffectedAccountNumbers,
    string WrongRecipientEmail,
    bool FinancialDataIncluded,
    bool VulnerableCustomersIncluded,
    string AssessedBy);

/// <summary>The data protection officer's contact, put on every notification to the ICO.</summary>
public sealed record DpoContact(string Name, string Email);

public sealed record AssessBreach(BreachAssessment Assessment) : IRequest<bool>;

/// <summary>
/// Scores a breach, and notifies the ICO within 72 hours of its discovery when it is likely to put the
/// customers at risk.
/// </summary>
public sealed class AssessBreachHandler(
    ILogger<AssessBreachHandler> logger,
    IRegulatorPortalClient ico,
    IOptions<DpoContact> dpo,
    Pseudonymizer pseudonymizer,
    Meter meter) : IRequestHandler<AssessBreach, bool>
{
    private static readonly ActivitySource Source = new("Supplier.DataProtection");

    public async Task<bool> Handle(AssessBreach request, CancellationToken cancellationToken)
    {
        var assessment = request.Assessment;
        using var triage = Source.StartIncidentTriage("data-breach");
        triage.SetIncidentId(assessment.BreachId);
        triage.SetIncidentAffectedCount(assessment.AffectedAccountNumbers.Count); // clean precision-about
        triage.SetIncidentReporterRef(pseudonymizer.PseudonymizeIncidentReporterRef(assessment.AssessedBy)); // clean precision-pseudonym

        logger.LogInformation("Breach {BreachId} affects accounts {Accounts}", assessment.BreachId, string.Join(",", assessment.AffectedAccountNumbers)); // leak TC1001 direct
        logger.LogInformation("Breach {BreachId}: bills sent to {WrongRecipient}", assessment.BreachId, assessment.WrongRecipientEmail); // leak TC1001 direct
        var recipientDomain = assessment.WrongRecipientEmail[(assessment.WrongRecipientEmail.IndexOf('@') + 1)..];
        logger.LogInformation("Breach {BreachId}: bills sent to an address at {RecipientDomain}", assessment.BreachId, recipientDomain); // clean precision-about

        // The same set of accounts reported twice is one breach: the old tracker kept an MD5 of the list.
        var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", assessment.AffectedAccountNumbers.Order()))));
        Activity.Current?.SetTag("breach.fingerprint", fingerprint); // leak TC1002 hashes

        Activity.Current?.SetTag("breach.first_account", FirstAffected(assessment)); // leak TC1001 cross-member
        var score = Score(assessment);
        Activity.Current?.SetTag("breach.risk_score", score); // clean precision-about
        var reportable = score >= 3;
        meter.CreateIncidentReportsCounter().Add(1, "data-breach", incidentOutcome: reportable ? "notify-ico" : "log-only"); // clean generated-api
        if (!reportable)
        {
            return false;
        }

        using var notification = Source.StartRegulatorNotification("ico");
        notification.SetIncidentAffectedCount(assessment.AffectedAccountNumbers.Count);
        var submission = new RegulatorSubmission("ico", "misdirected-email", assessment.DiscoveredAt, assessment.AffectedAccountNumbers.Count, $"{assessment.AffectedAccountNumbers.Count} bills emailed to another customer", dpo.Value.Name, dpo.Value.Email);
        logger.LogInformation("Notifying the ICO: {Submission}", submission); // leak TC1001 logging-objects
        var receipt = await ico.SubmitAsync(submission, cancellationToken);
        notification.SetRegulatorReference(receipt.Reference); // clean direct
        notification.SetIncidentOutcome($"notified within {(receipt.ReceivedAt - assessment.DiscoveredAt).TotalHours:0}h"); // clean generated-api
        logger.LogIncidentEscalatedEvent("notified-ico", pseudonymizer.PseudonymizeIncidentReporterRef(assessment.AssessedBy), $"ICO reference {receipt.Reference}"); // clean generated-api
        return true;
    }

    private static string FirstAffected(BreachAssessment assessment) =>
        assessment.AffectedAccountNumbers.Count == 0 ? "none" : assessment.AffectedAccountNumbers[0];

    private static int Score(BreachAssessment assessment) =>
        (assessment.FinancialDataIncluded ? 2 : 0)
        + (assessment.VulnerableCustomersIncluded ? 2 : 0)
        + (assessment.AffectedAccountNumbers.Count > 10 ? 1 : 0);
}
