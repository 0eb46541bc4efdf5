using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Energy;

public enum ConsentPurpose
{
    DailyReadings,
    HalfHourlyReadings,
    ThirdPartySharing,
    Marketing,
}

public sealed record ConsentRecord(Guid ConsentId, string AccountNumber, string MeterSerial, ConsentPurpose Purpose, bool Granted, string RecordedBy, DateTimeOffset RecordedAt, string Channel);

public interface IConsentStore
{
    Task<ConsentRecord?> LatestAsync(string accountNumber, ConsentPurpose purpose, CancellationToken cancellationToken = default);

    Task SaveAsync(ConsentRecord record, CancellationToken cancellationToken = default);
}

public sealed class ConsentConflictException(ConsentRecord existing)
    : Exception($"Consent {existing.ConsentId} for {existing.Purpose} was changed since it was read")
{
    public ConsentRecord Existing { get; } = existing;
}

/// <summary>
/// Records a customer's consent to half-hourly readings and third-party sharing. Staff in the contact
/// centre may record consent given on the phone; the customer may change it in the app.
/// </summary>
public sealed class SmartMeterConsentService(
    IConsentStore store,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<SmartMeterConsentService> logger)
{
    private static readonly ActivitySource Source = new("EnergyPortal.Consent");
    private static readonly Meter Meter = new("EnergyPortal.Consent");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("consent.changes");

    private static string Wire(ConsentPurpose purpose) => JsonNamingPolicy.SnakeCaseLower.ConvertName(purpose.ToString());

    public async Task<ConsentRecord> RecordAsync(HttpContext http, string accountNumber, string meterSerial, ConsentPurpose purpose, bool granted)
    {
        using var activity = Source.StartActivity("consent.record");
        var byStaff = http.User.IsInRole("contact-centre");
        var recordedBy = byStaff ? http.User.FindFirstValue("staff_id")! : accountNumber;
        var relationship = byStaff ? AccessRelationship.SupportAgent : AccessRelationship.Self;

        Baggage.SetBaggage("consent.channel", byStaff ? "phone" : "app");
        Baggage.SetBaggage("consent.account", pseudonymizer.ComputeIdentityAccountId(accountNumber)); // clean precision-pseudonym
        activity?.SetTag("consent.purpose", Wire(purpose));
        activity?.SetTag("consent.meter", meterSerial); // leak TC1001 direct

        var previous = await store.LatestAsync(accountNumber, purpose, http.RequestAborted);
        var record = new ConsentRecord(Guid.NewGuid(), accountNumber, meterSerial, purpose, granted, recordedBy, clock.GetUtcNow(), byStaff ? "phone" : "app");
        try
        {
            await store.SaveAsync(record, http.RequestAborted);
        }
        catch (ConsentConflictException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Consent conflict, existing record {@Existing}", ex.Existing); // leak TC1001 logging-objects
            throw;
        }

        logger.LogAccessConsentChangedEvent(Wire(purpose), granted, pseudonymizer.PseudonymizeAccessSubjectId(accountNumber)); // clean generated-api
        logger.LogAccessConsentChangedEvent(Wire(purpose), granted, accessReason: $"recorded by {recordedBy}"); // leak TC1001 generated-api
        activity?.SetTag("consent.changed", previous is null || previous.Granted != granted);
        activity?.SetTag("consent.id", record.ConsentId); // clean precision-names
        Changes.Add(1, new KeyValuePair<string, object?>("purpose", Wire(purpose)), new("granted", granted), new("relationship", relationship.ToString())); // clean precision-about
        Changes.Add(1, new KeyValuePair<string, object?>("recorded_by", recordedBy)); // leak TC1003 cross-member
        return record;
    }

    public async Task<IReadOnlyList<string>> ExportForAuditAsync(IEnumerable<string> accountNumbers)
    {
        var lines = new List<string>();
        foreach (var account in accountNumbers)
        {
            var latest = await store.LatestAsync(account, ConsentPurpose.HalfHourlyReadings);
            lines.Add($"{account},{latest?.Granted},{latest?.RecordedAt:O}");
        }

        logger.LogInformation("Exported {Count} consent lines for audit", lines.Count); // clean precision-about
        logger.LogDebug("Audit export accounts: {Accounts}", accountNumbers.ToList()); // leak TC1001 logging-objects
        return lines;
    }
}
