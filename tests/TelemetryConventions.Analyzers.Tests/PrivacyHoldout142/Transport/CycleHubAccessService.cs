namespace PrivacyHoldout142.Transport;

/// <summary>A rider's access grant pushed to a hub's door controller. Prints rider account, smartcard number, door PIN and the hubs (as their list's type name).</summary>
public sealed record HubAccessGrant(Guid RiderAccountId, string SmartcardNumber, string DoorPin, IReadOnlyList<string> Hubs);

/// <summary>Opens the secure cycle hubs' doors for members' smartcards and QR passes, and syncs each hub's access list.</summary>
public sealed class CycleHubAccessService(
    IAccessController doors,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CycleHubAccessService> logger)
{
    private readonly Counter<long> _entries = meter.CreateCounter<long>("cyclehub.door.entries", "{entry}");
    private readonly Dictionary<string, Guid> _lastEntryByHub = new(StringComparer.Ordinal);
    private string? _lastBadPin;

    public async Task<EntryDecision> EnterAsync(EntryAttempt attempt, CancellationToken cancellationToken)
    {
        using var span = source.StartCyclehubOperation(attempt.Club);
        Activity.Current?.SetTag("cyclehub.door", attempt.DoorId); // clean precision-names
        var rider = attempt.CredentialKind == "smartcard"
            ? await doors.MembershipForCardAsync(attempt.Credential, cancellationToken)
            : await doors.MembershipForQrAsync(attempt.Credential, cancellationToken);
        if (rider is null)
        {
            Activity.Current?.SetTag("cyclehub.smartcard.last4", attempt.Credential[^4..]); // clean precision-about
            logger.LogWarning("No rider for credential {Credential} at {Door}", attempt.Credential, attempt.DoorId); // leak TC1001 direct
            return new EntryDecision(false, "unknown-credential", attempt.DoorId);
        }

        var riderId = Guid.Parse(rider);
        _lastEntryByHub[attempt.Club] = riderId;
        span.SetCyclehubRiderId(pseudonymizer.PseudonymizeCyclehubRiderId(rider)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RiderId"] = riderId, ["Hub"] = attempt.Club }); // leak TC1001 direct
        await doors.OpenAsync(attempt.DoorId, cancellationToken);
        meter.CreateCyclehubEntriesCounter().Add(1, cyclehubHub: attempt.Club, cyclehubOutcome: "opened"); // clean generated-api
        _entries.Add(1, new KeyValuePair<string, object?>("rider", riderId)); // leak TC1003 direct
        return new EntryDecision(true, "ok", attempt.DoorId);
    }

    public async Task SyncAccessListAsync(string hub, IReadOnlyList<HubAccessGrant> grants, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartCyclehubOperation(hub);
        logger.LogDebug("Grants {Grants}", grants); // leak TC1001 logging-objects
        foreach (var grant in grants.Where(g => g.DoorPin.Length != 6))
        {
            _lastBadPin = grant.DoorPin;
            logger.LogWarning("Grant with a {Length}-digit PIN skipped", grant.DoorPin.Length); // clean precision-about
        }

        var lanes = grants.Select(g => HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(g.SmartcardNumber))[0] % 4).Distinct().Count();
        Activity.Current?.SetTag("cyclehub.sync.lanes", lanes); // clean hashes
        await doors.OpenAsync($"{hub}-sync", cancellationToken);
        meter.CreateCyclehubSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, cyclehubHub: hub); // clean generated-api
    }

    public void ReportLastEntries()
    {
        logger.LogInformation("Last entry per hub {LastEntries}", _lastEntryByHub); // leak TC1001 cross-member
        Activity.Current?.SetTag("cyclehub.last.bad_pin", _lastBadPin); // leak TC1001 cross-member
    }
}
