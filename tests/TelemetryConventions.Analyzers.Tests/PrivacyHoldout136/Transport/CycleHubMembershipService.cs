namespace PrivacyHoldout136.Transport;

public sealed record CycleHubMember(Guid PassengerId, string Name, string Email, string SmartcardNumber, string HubId, DateOnly RenewsOn);

/// <summary>Secure cycle hubs at stations: members tap their smartcard at the door and book rack spaces.</summary>
public sealed class CycleHubMembershipService(
    ICycleHubClient hubs,
    ILogger<CycleHubMembershipService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _unlockLatency = meter.CreateHistogram<double>("cyclehub.unlock.latency", "ms");
    private readonly StationparkDwellDurationHistogram _stays = meter.CreateStationparkDwellDurationHistogram();

    public async Task<bool> UnlockAsync(CycleHubMember member, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStationparkAccess(member.HubId);
        span.SetStationparkHolderId(pseudonymizer.PseudonymizeStationparkHolderId(member.PassengerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("cyclehub.renews_on", member.RenewsOn.ToString("yyyy-MM")); // clean precision-about
        span.Activity?.SetTag("cyclehub.smartcard_last4", member.SmartcardNumber[^4..]); // clean precision-about
        var started = Stopwatch.GetTimestamp();
        var opened = await hubs.UnlockAsync(member.HubId, member.SmartcardNumber, cancellationToken);
        _unlockLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("hub", member.HubId)); // clean precision-names
        if (!opened)
        {
            span.Activity?.SetTag("cyclehub.smartcard", member.SmartcardNumber); // leak TC1001 direct
            logger.LogWarning("Hub door did not open for {Member}", member); // leak TC1001 logging-objects
            span.SetStationparkOutcome("door-failed"); // clean precision-names
        }

        return opened;
    }

    public async Task BookAsync(CycleHubMember member, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStationparkAccess(member.HubId);
        try
        {
            var booking = await hubs.BookAsync(member.HubId, member.PassengerId.ToString(), from, to, cancellationToken);
            span.Activity?.SetTag("cyclehub.rack", booking.Rack); // clean precision-names
            span.Activity?.SetTag("cyclehub.member", booking.MemberRef); // leak TC1001 cross-member
            _stays.Record((to - from).TotalSeconds, member.HubId, stationparkZone: $"rack-{booking.Rack}"); // clean generated-api
            span.Activity?.SetBaggage("cyclehub.member", pseudonymizer.ComputeStationparkHolderId(member.PassengerId.ToString())); // clean precision-pseudonym
        }
        catch (HubFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation("Hub full, waitlisting {Email}", member.Email); // leak TC1001 direct
            span.Activity?.SetTag("cyclehub.member.email_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(member.Email.ToLowerInvariant())))); // leak TC1002 hashes
        }
    }
}
