using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Energy;

public sealed record MoveIn(string NewAccountNumber, string FullName, DateOnly DateOfBirth, string Postcode, string Mpan, string Email);

public sealed record ClosedAccount(string AccountNumber, string FullName, DateOnly DateOfBirth, decimal Arrears, string LastPostcode);

public interface IClosedAccountIndex
{
    Task<IReadOnlyList<ClosedAccount>> FindAsync(string fullName, DateOnly dateOfBirth, CancellationToken cancellationToken = default);
}

/// <summary>
/// "Debt flipping": a customer who leaves a property with arrears and opens a new account at the
/// next one. Matches move-ins against closed accounts in arrears and files an internal
/// suspicious-activity report for the collections team.
/// </summary>
public sealed partial class DebtFlipWatch(
    IClosedAccountIndex closedAccounts,
    IComplianceFilingClient filings,
    IRedactorProvider redactors,
    Pseudonymizer pseudonymizer,
    ILogger<DebtFlipWatch> logger)
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Move-in {NewAccount} matches closed account {ClosedAccount} with arrears {Arrears}")]
    private partial void LogMatch(string newAccount, string closedAccount, decimal arrears);

    public async Task CheckAsync(MoveIn moveIn, CancellationToken ct)
    {
        var matches = await closedAccounts.FindAsync(moveIn.FullName, moveIn.DateOfBirth, ct);
        var inArrears = matches.Where(m => m.Arrears > 50m).ToList();
        Activity.Current?.SetTag("collections.debt_flip.candidates", inArrears.Count); // clean precision-about
        Activity.Current?.SetTag("collections.move_in.district", moveIn.Postcode.Split(' ')[0]); // clean precision-about
        if (inArrears.Count == 0)
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["NewAccount"] = moveIn.NewAccountNumber, ["Mpan"] = moveIn.Mpan }); // leak TC1001 logging-objects
        var best = inArrears.OrderByDescending(m => m.Arrears).First();
        LogMatch(moveIn.NewAccountNumber, best.AccountNumber, best.Arrears); // leak TC1001 cross-member

        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogInformation("Debt flip candidate for {Account} ({Postcode})", redactor.Redact(moveIn.NewAccountNumber), redactor.Redact(moveIn.Postcode)); // clean precision-pseudonym

        var narrative = $"{moveIn.FullName} (born {moveIn.DateOfBirth:yyyy-MM-dd}) moved in at {moveIn.Postcode} on account {moveIn.NewAccountNumber}; "
            + $"closed account {best.AccountNumber} at {best.LastPostcode} owes {best.Arrears:C}.";
        var reportId = await filings.FileAsync("debt-flip", narrative, new Dictionary<string, string> { ["account"] = moveIn.NewAccountNumber, ["name"] = moveIn.FullName }, ct);

        Activity.Current?.AddEvent(new ActivityEvent("collections.report.filed", tags: new ActivityTagsCollection { ["report.id"] = reportId, ["report.type"] = "debt-flip", ["arrears"] = (double)best.Arrears })); // clean direct
        Activity.Current?.EnrichRiskAssessment(RiskDecision.Review).SetRiskChannel("move-in").SetRiskNote(narrative); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("collections.subject", pseudonymizer.ComputeRiskSubjectId(moveIn.NewAccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(RiskAttributes.SubjectContact, moveIn.Email); // leak TC1001 generated-api
        logger.LogInformation("Filed report {ReportId} for a {Years}-year-old customer, arrears {Arrears}", reportId, DateTime.UtcNow.Year - moveIn.DateOfBirth.Year, best.Arrears); // clean precision-about
        logger.LogInformation("Welcome pack for {Email} held until collections review", moveIn.Email); // leak TC1001 direct
    }
}
