namespace PrivacyHoldout100.Healthcare;

/// <summary>
/// The live ward board: nurses and doctors connect from the ward's screens and their handsets, join the
/// ward's group and a group per patient they open, and see bed changes and observations as they happen.
/// The user id provider maps a connection to the clinician's staff id.
/// </summary>
public sealed class WardBoardHub(ILogger<WardBoardHub> logger, Pseudonymizer pseudonymizer, PresenceTracker presence) : Hub
{
    private static readonly ActivitySource Source = new("Trust.WardBoard");
    private static readonly Meter Meter = new("Trust.WardBoard");
    private static readonly Counter<long> Joins = Meter.CreateCounter<long>("wardboard.group.joins");

    private string StaffId => Context.UserIdentifier ?? "anonymous";

    public override async Task OnConnectedAsync()
    {
        var firstConnection = presence.UserConnected(StaffId, Context.ConnectionId);
        using var span = Source.StartWardliveConnection("/hubs/wardboard")
            .SetWardliveConnectionId(Context.ConnectionId) // clean precision-names
            .SetWardliveTransport(Context.GetHttpContext()?.Request.Query["transport"] ?? "WebSockets"); // clean precision-about
        span.SetWardliveNote($"first connection: {firstConnection}, online: {presence.OnlineCount}"); // clean precision-about
        logger.LogInformation("Clinician {StaffId} connected to the ward board on {ConnectionId}", StaffId, Context.ConnectionId); // leak TC1001 cross-member
        await base.OnConnectedAsync();
    }

    public async Task JoinWard(string wardCode)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"ward-{wardCode}");
        Activity.Current?.SetTag("wardboard.group", $"ward-{wardCode}"); // clean precision-names
        Joins.Add(1, new KeyValuePair<string, object?>("ward", wardCode)); // clean precision-about
        logger.LogDebug("{Clinician} joined ward {Ward}", pseudonymizer.ComputeWardliveClinicianId(StaffId), wardCode); // clean precision-pseudonym
    }

    public async Task OpenPatient(string hospitalNumber, string wardCode)
    {
        var group = $"patient-{hospitalNumber}";
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        using var span = Source.StartWardliveHubInvoke("/hubs/wardboard", nameof(OpenPatient))
            .SetWardliveGroup(group) // leak TC1001 generated-api
            .SetWardliveWard(wardCode) // clean generated-api
            .SetWardlivePatientId(pseudonymizer.PseudonymizeWardlivePatientId(hospitalNumber)); // clean precision-pseudonym
        logger.LogInformation("Connection {ConnectionId} subscribed to {Group}", Context.ConnectionId, group); // leak TC1001 strings
    }

    public async Task UpdateObservations(string hospitalNumber, int news2Score, string wardCode)
    {
        if (news2Score < 0 || news2Score > 20)
        {
            throw new HubException($"NEWS2 score {news2Score} out of range for patient {hospitalNumber}"); // leak TC1001 exceptions
        }
        await Clients.Group($"ward-{wardCode}").SendAsync("observationsChanged", new { hospitalNumber, news2Score });
        var recipients = presence.OnlineCount;
        Activity.Current?.SetTag("wardboard.news2.escalation", news2Score >= 7); // clean precision-about
        Activity.Current?.SetTag("wardboard.patient", hospitalNumber); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("observations.broadcast", tags: new ActivityTagsCollection { ["ward"] = wardCode, ["recipients"] = recipients })); // clean precision-about
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var wentOffline = presence.UserDisconnected(StaffId, Context.ConnectionId);
        if (exception is not null)
        {
            Activity.Current?.AddException(exception); // clean exceptions
            logger.LogWarning(exception, "Ward board connection {ConnectionId} dropped", Context.ConnectionId); // clean exceptions
        }
        logger.LogInformation("Online clinicians now: {Online}", presence.OnlineUsers()); // leak TC1001 logging-objects
        logger.LogInformation("Clinician went offline: {WentOffline}, online now {Count}", wentOffline, presence.OnlineCount); // clean precision-about
        await base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Maps a ward board connection to the clinician's staff id from the trust's identity provider.</summary>
public sealed class StaffIdUserIdProvider(ILogger<StaffIdUserIdProvider> logger) : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection)
    {
        var staffId = connection.User.FindFirst("staff_id")?.Value;
        var upn = connection.User.FindFirst(ClaimTypes.Upn)?.Value;
        logger.LogTrace("Mapped connection {ConnectionId} to {UserPrincipal}", connection.ConnectionId, upn); // leak TC1001 direct
        logger.LogTrace("Connection {ConnectionId} has a staff id claim: {HasStaffId}", connection.ConnectionId, staffId is not null); // clean precision-about
        return staffId;
    }
}
