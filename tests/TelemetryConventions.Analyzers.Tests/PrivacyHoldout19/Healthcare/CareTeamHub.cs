using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Healthcare;

/// <summary>Who of the care team is connected, per ward. Keyed by connection, valued by the clinician's staff id.</summary>
public sealed class WardPresence
{
    private readonly ConcurrentDictionary<string, (string Ward, string StaffId)> _connections = new();

    public int Join(string ward, string staffId, string connectionId)
    {
        _connections[connectionId] = (ward, staffId);
        return _connections.Values.Where(c => c.Ward == ward).Select(c => c.StaffId).Distinct().Count();
    }

    public (string Ward, string StaffId)? Leave(string connectionId) =>
        _connections.TryRemove(connectionId, out var entry) ? entry : null;

    public IReadOnlyList<string> StaffOn(string ward) =>
        _connections.Values.Where(c => c.Ward == ward).Select(c => c.StaffId).Distinct().ToList();
}

[Authorize(Roles = "clinician")]
public sealed class CareTeamHub(WardPresence presence, ILogger<CareTeamHub> logger, Pseudonymizer pseudonymizer) : Hub
{
    private const string HubName = "care-team";

    public override async Task OnConnectedAsync()
    {
        var staffId = Context.UserIdentifier!;
        var ward = Context.User?.FindFirst("ward")?.Value ?? "unassigned";
        await Groups.AddToGroupAsync(Context.ConnectionId, $"ward-{ward}");
        var online = presence.Join(ward, staffId, Context.ConnectionId);
        logger.LogInformation("Connection {ConnectionId} joined ward-{Ward}; {Online} clinicians online", Context.ConnectionId, ward, online); // clean precision-names
        logger.LogRealtimePresenceChangedEvent(HubName, pseudonymizer.PseudonymizeRealtimeParticipantId(staffId), online); // clean generated-api
        logger.LogDebug("Signed in as {Clinician}", Context.User?.FindFirst(ClaimTypes.Name)?.Value); // leak TC1001 direct
    }

    public async Task FollowPatient(string hospitalNumber)
    {
        var group = $"patient-{hospitalNumber}";
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        logger.LogDebug("{ConnectionId} now follows {Group}", Context.ConnectionId, group); // leak TC1001 strings
    }

    public async Task PostObservation(string hospitalNumber, Observation observation)
    {
        using var span = PortalTelemetry.Source.StartRealtimeInvocation(HubName).SetRealtimeMethod(nameof(PostObservation)).SetRealtimeChannel($"ward-{observation.Ward}"); // clean generated-api
        span.SetRealtimeNote($"{observation.Kind} for {hospitalNumber}"); // leak TC1001 generated-api
        await Clients.Group($"patient-{hospitalNumber}").SendAsync("observation", observation);
        PortalTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, HubName, $"ward-{observation.Ward}"); // clean generated-api
    }

    public Task<IReadOnlyList<string>> WhoIsOnWard(string ward)
    {
        var staff = presence.StaffOn(ward);
        logger.LogDebug("Ward {Ward} roster requested: {Staff}", ward, staff); // leak TC1001 logging-objects
        return Task.FromResult(staff);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Leave(Context.ConnectionId) is { } left)
        {
            logger.LogInformation("Connection {ConnectionId} left ward-{Ward}", Context.ConnectionId, left.Ward); // clean precision-names
        }

        if (exception is not null)
        {
            logger.LogWarning(exception, "Connection {ConnectionId} dropped by the transport", Context.ConnectionId); // clean exceptions
        }

        return Task.CompletedTask;
    }
}
