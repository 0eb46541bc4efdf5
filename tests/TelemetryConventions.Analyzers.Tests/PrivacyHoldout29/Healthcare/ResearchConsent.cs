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
using PrivacyCorpus.Shared;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Healthcare;

public enum ConsentState
{
    Unknown,
    OptedIn,
    OptedOut,
    Withdrawn,
}

/// <summary>A consent receipt in the Kantara style: who consented, to what, how and when.</summary>
public sealed record ConsentReceipt(
    Guid ReceiptId,
    string PiiPrincipalId,
    string Jurisdiction,
    IReadOnlyList<string> Purposes,
    string CollectionMethod,
    string PolicyVersion,
    DateTimeOffset IssuedAt);

public sealed record ConsentChange(string NhsNumber, string Purpose, ConsentState From, ConsentState To, string Channel, string? StaffNumber);

public interface IConsentStore
{
    Task<ConsentState> CurrentAsync(string nhsNumber, string purpose, CancellationToken cancellationToken);

    Task SaveAsync(ConsentChange change, ConsentReceipt receipt, CancellationToken cancellationToken);
}

public static partial class ConsentLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Consent for {Purpose} changed from {From} to {To} for patient {NhsNumber}")]
    public static partial void ConsentChanged(ILogger logger, string purpose, ConsentState from, ConsentState to, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Consent recorded at the desk by {StaffNumber} via {Channel}")]
    public static partial void RecordedAtDesk(ILogger logger, string staffNumber, string channel);
}

/// <summary>Research and national data opt-out preferences, recorded from the portal and at reception.</summary>
public sealed class ResearchConsentService(
    IConsentStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<ResearchConsentService> logger)
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("clinic.consent.changes");

    public async Task<ConsentReceipt> RecordAsync(ConsentChange change, CancellationToken cancellationToken)
    {
        var current = await store.CurrentAsync(change.NhsNumber, change.Purpose, cancellationToken);
        var receipt = new ConsentReceipt(
            Guid.NewGuid(), change.NhsNumber, "GB-ENG", [change.Purpose], change.Channel, "research-v7", DateTimeOffset.UtcNow);
        await store.SaveAsync(change, receipt, cancellationToken);

        var activity = Activity.Current;
        activity?.SetTag("consent.receipt.id", receipt.ReceiptId); // clean precision-names
        activity?.SetTag("consent.purpose", change.Purpose);
        activity?.SetTag("consent.transition", $"{current}->{change.To}"); // clean strings
        activity?.AddEvent(new ActivityEvent("consent.receipt.issued", tags: new ActivityTagsCollection { ["receipt"] = receipt.ToString() })); // leak TC1001 logging-objects

        ConsentLog.ConsentChanged(logger, change.Purpose, current, change.To, change.NhsNumber); // clean precision-pseudonym
        if (change.StaffNumber is { } staff)
        {
            ConsentLog.RecordedAtDesk(logger, staff, change.Channel); // leak TC1001 cross-member
        }

        logger.LogDsrConsentChangedEvent(pseudonymizer.PseudonymizeDsrSubjectId(change.NhsNumber), dsrOutcome: change.To.ToString()); // clean precision-pseudonym
        _changes.Add(1, new("purpose", change.Purpose), new("to", change.To.ToString()), new("channel", change.Channel)); // clean precision-about
        _changes.Add(1, new("purpose", change.Purpose), new("cohort", Cohort(change.NhsNumber))); // clean hashes
        return receipt;
    }

    /// <summary>Opt-outs are applied to research extracts nightly; the extract team asks which patients left.</summary>
    public void ReportWithdrawals(IReadOnlyList<ConsentChange> withdrawals)
    {
        var byPurpose = withdrawals.GroupBy(w => w.Purpose).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Withdrawals applied to research extracts: {ByPurpose}", byPurpose); // clean precision-about
        logger.LogInformation("Withdrawn patients: {Patients}", withdrawals.Select(w => w.NhsNumber).ToList()); // leak TC1001 logging-objects
        var digests = withdrawals.Select(w => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(w.NhsNumber)))[..16]).ToList();
        logger.LogInformation("Withdrawal digests for the extract team: {Digests}", string.Join(";", digests)); // leak TC1002 hashes
    }

    private string Cohort(string nhsNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber));
        return (mac[0] % 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
