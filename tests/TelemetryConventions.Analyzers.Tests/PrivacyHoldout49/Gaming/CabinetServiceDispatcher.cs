using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Gaming;

public sealed record ServiceCall(string CallId, string VenueId, string VenueName, string CabinetSerial, string FaultCode, string ReportedByPlayerId, string? PlayerComment, string Priority);

public sealed record TechnicianAssignment(string CallId, string TechnicianId, string TechnicianName, DateTimeOffset Eta);

/// <summary>Dispatches field technicians to arcade cabinets in partner venues.</summary>
public sealed class CabinetServiceDispatcher(
    IJobQueue<ServiceCall> calls,
    ITechnicianPool technicians,
    ILogger<CabinetServiceDispatcher> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arcade.FieldService");
    private readonly Counter<long> _dispatched = meter.CreateCounter<long>("arcade.calls.dispatched");
    private string? _lastReporter;

    public void Heartbeat()
    {
        Activity.Current?.SetTag("arcade.last_reporter", _lastReporter); // leak TC1001 cross-member
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var call in calls.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("arcade.call.dispatch", ActivityKind.Consumer);
            activity?.SetTag("arcade.call.id", call.CallId); // clean precision-names
            activity?.SetTag("arcade.venue.id", call.VenueId); // clean precision-names
            activity?.SetTag("arcade.venue.name", call.VenueName); // clean precision-names
            activity?.SetTag("arcade.cabinet.serial", call.CabinetSerial); // clean precision-names
            activity?.SetTag("arcade.fault", call.FaultCode); // clean precision-names
            activity?.SetTag("arcade.reported_by", call.ReportedByPlayerId); // leak TC1001 direct
            _lastReporter = call.ReportedByPlayerId;
            activity?.SetTag("arcade.reported_by_ref", pseudonymizer.ComputeFieldClientId(call.ReportedByPlayerId)); // clean precision-pseudonym
            activity?.SetTag("arcade.comment_length", call.PlayerComment?.Length ?? 0); // clean precision-about
            activity?.AddEvent(new ActivityEvent("player.comment", tags: new ActivityTagsCollection { ["text"] = call.PlayerComment })); // leak TC1001 direct

            try
            {
                var assignment = await technicians.AssignAsync(call, stoppingToken);
                TagAssignment(activity, assignment.TechnicianName); // leak TC1001 cross-member
                _dispatched.Add(1, new KeyValuePair<string, object?>("priority", call.Priority)); // clean precision-names
                _dispatched.Add(1, new KeyValuePair<string, object?>("technician", assignment.TechnicianId)); // leak TC1003 direct
                logger.LogInformation("Call {CallId} → technician ETA {Eta:t}", call.CallId, assignment.Eta); // clean precision-about
            }
            catch (NoTechnicianException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning(ex, "No technician for {CallId}", call.CallId); // leak TC1001 exceptions
            }
            catch (TimeoutException ex)
            {
                activity?.AddException(ex); // clean exceptions
            }
        }
    }

    private static void TagAssignment(Activity? activity, string technicianName)
    {
        activity?.SetTag("arcade.technician", technicianName); // leak TC1001 direct
    }
}

public sealed class NoTechnicianException(string message) : Exception(message);

public interface ITechnicianPool
{
    /// <summary>Throws <see cref="NoTechnicianException"/> naming the player who reported the fault, for the venue's callback.</summary>
    Task<TechnicianAssignment> AssignAsync(ServiceCall call, CancellationToken cancellationToken);
}

public sealed class TechnicianPool(IReadOnlyList<(string Id, string Name, string Region)> roster) : ITechnicianPool
{
    public Task<TechnicianAssignment> AssignAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var free = roster.FirstOrDefault();
        if (free == default)
        {
            throw new NoTechnicianException($"No technician free for {call.VenueName}; call back player {call.ReportedByPlayerId}");
        }

        return Task.FromResult(new TechnicianAssignment(call.CallId, free.Id, free.Name, DateTimeOffset.UtcNow.AddHours(2)));
    }
}
