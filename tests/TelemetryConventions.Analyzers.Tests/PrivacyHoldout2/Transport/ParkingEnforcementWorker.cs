using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Transport;

public enum VehicleKind { Private, Bus, Taxi, Council }

public sealed record PlateSighting(string Plate, VehicleKind Kind, string ZoneId, string CameraId, DateTimeOffset SeenAt, string? OwnerPhone);

public sealed class PermitMissingException(string plate, string zoneId) : Exception($"No permit for {plate} in zone {zoneId}")
{
    public string ZoneId { get; } = zoneId;
}

public sealed class ParkingEnforcementWorker(Channel<PlateSighting> sightings, ILogger<ParkingEnforcementWorker> logger, Meter meter, Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transport.Parking");
    private readonly Counter<int> _penalties = meter.CreateCounter<int>("parking.penalties");
    private readonly HashSet<string> _permits = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var sighting in sightings.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("sighting", ActivityKind.Consumer, default(ActivityContext), tags: new Dictionary<string, object?> { ["parking.zone.id"] = sighting.ZoneId, ["parking.camera.id"] = sighting.CameraId }); // clean precision-names
            var label = sighting.Kind switch
            {
                VehicleKind.Bus => $"bus {sighting.Plate}",
                VehicleKind.Council => $"council {sighting.Plate}",
                _ => sighting.Kind.ToString().ToLowerInvariant(),
            };
            activity?.SetTag("parking.vehicle", label); // clean precision-about

            if (sighting.Kind == VehicleKind.Private)
            {
                activity?.SetTag("parking.plate", sighting.Plate); // leak TC1001 direct
                activity?.SetTag("parking.plate.pseudonym", pseudonymizer.Compute("vehicle-plate", sighting.Plate)); // clean precision-pseudonym
            }

            try
            {
                Check(sighting);
            }
            catch (PermitMissingException ex) when (sighting.Kind == VehicleKind.Private)
            {
                _penalties.Add(1, new KeyValuePair<string, object?>("zone", ex.ZoneId)); // clean exceptions
                logger.LogWarning(ex, "Penalty issued in zone {ZoneId}", ex.ZoneId); // leak TC1001 exceptions
                activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
                activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            }
        }
    }

    private void Check(PlateSighting sighting)
    {
        if (!_permits.Contains(sighting.Plate))
        {
            throw new PermitMissingException(sighting.Plate, sighting.ZoneId);
        }
    }

    public void NotifyOwners(IEnumerable<PlateSighting> batch)
    {
        var phones = batch.Where(s => s.OwnerPhone is not null).Select(s => s.OwnerPhone!).ToList();
        logger.LogInformation("Notifying {Count} owners", phones.Count); // clean precision-about
        logger.LogInformation("Notifying owners {Phones}", phones); // leak TC1001 direct
        var plates = batch.Select(s => s.Plate).ToArray();
        Activity.Current?.SetTag("parking.batch.plates", plates); // leak TC1001 direct
        Activity.Current?.SetTag("parking.batch.zones", string.Join(",", batch.Select(s => s.ZoneId).Distinct())); // clean strings
        Activity.Current?.SetTag("parking.batch.owner_phone", pseudonymizer.Pseudonymize("owner-phone", phones.FirstOrDefault() ?? string.Empty)); // clean precision-pseudonym
    }
}
