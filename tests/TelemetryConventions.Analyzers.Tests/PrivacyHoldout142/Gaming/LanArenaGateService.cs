namespace PrivacyHoldout142.Gaming;

/// <summary>The arena gate's scan. Prints gate, the QR token shown and the time.</summary>
public sealed record GateScanRequest(string Gate, string QrToken, DateTimeOffset ScannedAt);

public sealed record GateScanReply(bool Open, string Reason);

/// <summary>
/// The LAN arena gate's gRPC service: members show the rotating QR pass from the club app, LAN-night guests show the
/// pass their host sent them.
/// </summary>
public sealed class LanArenaGateService(
    IAccessController access,
    IGuestPassService guests,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LanArenaGateService> logger)
{
    private readonly Counter<long> _scans = meter.CreateCounter<long>("clubarena.gate.scans", "{scan}");
    private readonly Dictionary<string, DateTimeOffset> _guestArrivals = new(StringComparer.Ordinal);
    private QrPass? _lastExpired;

    public async Task<GateScanReply> Scan(GateScanRequest request, ServerCallContext context)
    {
        using var span = source.StartClubarenaOperation("arena-manchester");
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("clubarena.gate", request.Gate); // clean precision-names
        logger.LogDebug("Scan request {Request}", request); // leak TC1001 logging-objects
        Activity.Current?.SetTag("clubarena.qr.length", request.QrToken.Length); // clean precision-about

        var playerId = await access.MembershipForQrAsync(request.QrToken, context.CancellationToken);
        if (playerId is not null)
        {
            span.SetClubarenaMemberId(pseudonymizer.PseudonymizeClubarenaMemberId(playerId)); // clean precision-pseudonym
            ClubLog.CheckedIn(logger, playerId, "arena-manchester"); // clean logging-objects
            _scans.Add(1, new KeyValuePair<string, object?>("gate", request.Gate), new("kind", "member")); // clean precision-names
            meter.CreateClubarenaCheckinsCounter().Add(1, clubarenaArena: "arena-manchester", clubarenaOutcome: "member"); // clean generated-api
            return new GateScanReply(true, "member");
        }

        var guest = await guests.RedeemAsync(request.QrToken, "arena-manchester", context.CancellationToken);
        if (guest is not null)
        {
            _guestArrivals[guest.GuestName] = request.ScannedAt;
            logger.LogInformation("Guest pass {PassId} redeemed for host {HostRef}", guest.PassId, pseudonymizer.ComputeClubarenaMemberId(guest.HostMembershipNumber)); // clean precision-pseudonym
            logger.LogInformation("Guest {GuestName} arrived", guest.GuestName); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("clubarena.guest", tags: new ActivityTagsCollection { ["pass"] = guest })); // leak TC1001 logging-objects
            return new GateScanReply(true, "guest");
        }

        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.QrToken)));
        logger.LogWarning("Unknown QR {Digest}", digest); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.QrToken))[0] % 16;
        logger.LogWarning("Unknown QR in lane {Lane}", lane); // clean hashes
        return new GateScanReply(false, "unknown");
    }

    public GateScanReply Expired(QrPass pass, string gate)
    {
        _lastExpired = pass;
        var expired = new QrPassExpiredException(pass.ExpiresAt);
        logger.LogWarning(expired, "Expired pass at {Gate}", gate); // clean exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, expired.Message); // clean exceptions
        Activity.Current?.SetTag("clubarena.pass.expired_by", (DateTimeOffset.UtcNow - pass.ExpiresAt).TotalSeconds); // clean precision-about
        return new GateScanReply(false, "expired");
    }

    public void ReportArrivals()
    {
        logger.LogInformation("LAN night guests {Guests}", _guestArrivals.Keys); // leak TC1001 cross-member
        logger.LogInformation("LAN night guests: {Count}", _guestArrivals.Count); // clean precision-about
        logger.LogInformation("Last expired pass {Pass}", _lastExpired); // leak TC1001 cross-member
    }
}
