using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Media;

/// <summary>What the steward's handheld sends when a ticket is scanned at a festival gate.</summary>
public sealed record GateScan(string FestivalDay, string Gate, string Barcode, string? NameOnPhotoId, string StewardId);

/// <summary>The RFID wristband a named ticket holder is given at the gate; it carries their cashless account.</summary>
public sealed record Wristband(string Uid, string TicketId, string CashlessAccountEmail);

public interface IWristbandIssuer
{
    Task<Wristband> IssueAsync(IssuedTicket ticket, CancellationToken cancellationToken);
}

internal static class AdmissionTags
{
    public static void TagWristband(Activity? activity, string wristbandUid)
    {
        activity?.SetTag("festival.wristband", wristbandUid); // leak TC1001 direct
    }

    public static void TagTicketTier(Activity? activity, string tier)
    {
        activity?.SetTag("festival.ticket_tier", tier); // clean precision-names
    }
}

/// <summary>Named-ticket admissions: the name on the ticket must match the photo ID shown at the gate.</summary>
public sealed class FestivalGateAdmissions(
    ITicketingPlatform platform,
    IWristbandIssuer wristbands,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<FestivalGateAdmissions> logger)
{
    private readonly Histogram<double> _queueSeconds = meter.CreateHistogram<double>("festival.gate.queue_time", "s");

    public async Task<bool> AdmitAsync(GateScan scan, TimeSpan waited, CancellationToken cancellationToken)
    {
        using var span = source.StartVenueAdmission(scan.FestivalDay); // clean precision-names
        span.SetVenueGate(scan.Gate);
        _queueSeconds.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("gate", scan.Gate)); // clean precision-names

        var ticket = await platform.FindByBarcodeAsync(scan.Barcode, cancellationToken);
        if (ticket is null)
        {
            span.AddVenueAdmissionRefusedEvent("barcode not issued");
            meter.CreateVenueScansCounter().Add(1, venueGate: scan.Gate, venueOutcome: "refused");
            return false;
        }

        AdmissionTags.TagTicketTier(Activity.Current, ticket.Tier); // clean cross-member
        span.SetVenueAttendeeId(pseudonymizer.PseudonymizeVenueAttendeeId(ticket.AttendeeEmail)); // clean precision-pseudonym

        if (scan.NameOnPhotoId is { } shown && !NamesMatch(ticket.AttendeeName, shown))
        {
            span.AddVenueAdmissionRefusedEvent($"photo ID '{shown}' does not match ticket name '{ticket.AttendeeName}'"); // leak TC1001 generated-api
            logger.LogWarning("Name mismatch at {Gate}: {Similarity:P0} similar, steward {Steward}", scan.Gate, Similarity(ticket.AttendeeName, shown), scan.StewardId); // leak TC1001 direct
            meter.CreateVenueScansCounter().Add(1, venueGate: scan.Gate, venueOutcome: "name-mismatch"); // clean generated-api
            return false;
        }

        var band = await wristbands.IssueAsync(ticket, cancellationToken);
        AdmissionTags.TagWristband(Activity.Current, band.Uid); // leak TC1001 cross-member
        logger.LogInformation("Admitted {TicketId} at {Gate} with a {Tier} wristband", band.TicketId, scan.Gate, ticket.Tier); // clean precision-names
        logger.LogDebug("Cashless account linked: {Wristband}", band); // leak TC1001 logging-objects
        meter.CreateVenueScansCounter().Add(1, venueGate: scan.Gate, venueOutcome: "admitted");
        return true;
    }

    private static bool NamesMatch(string onTicket, string onId) => Similarity(onTicket, onId) >= 0.8;

    private static double Similarity(string a, string b)
    {
        var left = a.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var right = b.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return left.Length == 0 ? 0 : (double)left.Intersect(right).Count() / left.Length;
    }
}
