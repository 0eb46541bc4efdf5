using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Transport;

public sealed record PermitApplication(string ResidentId, string LicensePlate, string Zone, string EmergencyContactPhone, string? DisabilityBadgeNumber);

public sealed record Permit(Guid PermitId, string Zone, DateOnly ValidUntil, string LicensePlate);

public sealed class PermitDeniedException(string message) : Exception(message);

/// <summary>Issues residents' parking permits (domain service behind the council's permit API).</summary>
public sealed class ParkingPermitService(Pseudonymizer pseudonymizer, ILogger<ParkingPermitService> logger)
{
    private static readonly ActivitySource Source = new("Fleet.Parking");
    private static readonly Meter Meter = new("Fleet.Parking");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("fleet.parking.permits_issued");

    public Permit Issue(PermitApplication application)
    {
        using var activity = Source.StartActivity("permit.issue");
        activity?.SetTag("fleet.parking.zone", application.Zone); // clean direct
        activity?.SetTag("fleet.parking.resident", application.ResidentId); // leak TC1001 direct
        activity?.SetTag("fleet.parking.badge", application.DisabilityBadgeNumber); // leak TC1001 precision-names
        activity?.SetTag("fleet.parking.has_badge", application.DisabilityBadgeNumber is not null); // clean precision-about
        activity?.SetTag("fleet.parking.emergency_contact", application.EmergencyContactPhone); // leak TC1001 precision-names
        Baggage.SetBaggage("fleet.resident", pseudonymizer.Compute("fleet.resident", application.ResidentId)); // clean precision-pseudonym

        try
        {
            Validate(application);
        }
        catch (PermitDeniedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Permit denied in zone {Zone}", application.Zone); // leak TC1001 exceptions
            throw;
        }

        var permit = new Permit(Guid.NewGuid(), application.Zone, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)), application.LicensePlate);
        logger.LogInformation("Issued {@Permit}", permit); // leak TC1001 logging-objects
        logger.LogInformation("Issued permit {PermitId} for zone {Zone}", permit.PermitId, permit.Zone); // clean logging-objects
        Issued.Add(1, new KeyValuePair<string, object?>("fleet.parking.zone", application.Zone)); // clean direct
        Issued.Add(1, new KeyValuePair<string, object?>("fleet.parking.resident", pseudonymizer.Compute("fleet.resident", application.ResidentId))); // leak TC1003 direct
        return permit;
    }

    private static void Validate(PermitApplication application)
    {
        if (application.Zone.StartsWith("Z9", StringComparison.Ordinal))
        {
            throw new PermitDeniedException($"Vehicle {application.LicensePlate} already holds a permit in zone {application.Zone}");
        }
    }

    public void ReportRenewals(IReadOnlyList<Permit> expiring)
    {
        Activity.Current?.SetTag("fleet.parking.expiring", expiring.Count); // clean precision-about
        Activity.Current?.SetTag("fleet.parking.expiring_plates", string.Join(" ", expiring.Select(p => p.LicensePlate))); // leak TC1001 strings
        Activity.Current?.SetTag("fleet.parking.expiring_zones", string.Join(" ", expiring.Select(p => p.Zone).Distinct())); // clean strings
    }
}
