namespace PrivacyHoldout89.Transport;

/// <summary>A rider's live trip. A record: prints its members.</summary>
public sealed record Trip(string TripId, Guid RiderId, string RouteId, string VehicleId, string Status);

/// <summary>A rider shares a live trip with a trusted contact, who opens it from a link. A record: prints its members.</summary>
public sealed record TripShare(string ShareId, string TripId, Guid RiderId, string ContactPhone, string LinkToken, DateTimeOffset ExpiresAt);

public interface ITripShares
{
    Task<TripShare?> FindByTokenAsync(string linkToken, CancellationToken cancellationToken);

    Task SaveAsync(TripShare share, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}

/// <summary>
/// "Share my trip": the rider writes <c>trip:{tripId}#viewer@share:{shareId}</c> to the relationship
/// store and the contact gets a link with a one-time token; opening the link checks the tuple.
/// </summary>
public sealed class SharedTripController(IOpenFgaClient fga, ITripShares shares, ISmsSender sms, ActivitySource source, Meter meter, ILogger<SharedTripController> logger, Pseudonymizer pseudonymizer) : AuthorizedController
{
    private readonly Counter<long> _shares = meter.CreateCounter<long>("transitauthz.trip.shares", "{share}");

    [HttpPost("/trips/{tripId}/share")]
    [Authorize(Roles = "rider")]
    public async Task<ActionResult> Share(string tripId, string contactPhone)
    {
        var riderId = Guid.Parse(User.FindFirstValue("sub")!);
        var share = new TripShare("sh_" + Guid.NewGuid().ToString("N")[..10], tripId, riderId, contactPhone, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), DateTimeOffset.UtcNow.AddHours(3));
        await fga.Write(new ClientWriteRequest { Writes = { new ClientTupleKey($"share:{share.ShareId}", "viewer", $"trip:{tripId}") } });
        await shares.SaveAsync(share, Context.RequestAborted);
        await sms.SendAsync(contactPhone, $"Follow my trip: https://ride.example/t/{share.LinkToken}", Context.RequestAborted);

        using var span = source.StartTransitauthzAuthorize("ShareTrip");
        span.SetTransitauthzAccessMode("delegated").SetTransitauthzGrantId(share.ShareId);
        span.SetTransitauthzSubjectId(pseudonymizer.PseudonymizeTransitauthzSubjectId(riderId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Trip {TripId} shared as {ShareId} until {ExpiresAt:t}", tripId, share.ShareId, share.ExpiresAt); // clean precision-names
        logger.LogInformation("Trip share created {Share}", share); // leak TC1001 logging-objects
        logger.LogInformation("Trip share texted to a number ending {Last2}", contactPhone[^2..]); // clean precision-about
        var bucket = HashCode.Combine(riderId) & 7;
        Activity.Current?.SetTag("transit.share.bucket", bucket); // leak TC1002 hashes
        _shares.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeTransitauthzSubjectId(riderId.ToString()))); // leak TC1003 precision-pseudonym
        _shares.Add(1, new KeyValuePair<string, object?>("channel", "sms")); // clean precision-names
        Activity.Current?.SetTag("transit.share.link", $"https://ride.example/t/{share.LinkToken}"); // leak TC1001 strings
        return Ok(new { share.ShareId });
    }

    [HttpGet("/t/{token}")]
    public async Task<ActionResult> Open(string token)
    {
        using var span = source.StartTransitauthzRelationCheck("viewer", "trip");
        var share = await shares.FindByTokenAsync(token, Context.RequestAborted);
        if (share is null || share.ExpiresAt < DateTimeOffset.UtcNow)
        {
            span.SetTransitauthzDecision("deny");
            logger.LogInformation("Shared trip link not found or expired ({TokenLength} characters)", token.Length); // clean precision-about
            logger.LogDebug("Shared trip link not found: {Token}", token); // leak TC1001 direct
            return NotFound();
        }

        var check = await fga.Check(new ClientCheckRequest { User = $"share:{share.ShareId}", Relation = "viewer", Object = $"trip:{share.TripId}" });
        span.SetTransitauthzDecision(check.Allowed == true ? "allow" : "deny");
        span.SetTransitauthzNote($"share {share.ShareId} on trip {share.TripId}"); // clean generated-api
        logger.LogInformation("Shared trip check {Tuple}: {Allowed}", new ClientTupleKey($"share:{share.ShareId}", "viewer", $"trip:{share.TripId}"), check.Allowed); // clean logging-objects
        if (check.Allowed != true)
        {
            logger.LogTransitauthzAccessDeniedEvent("ShareTrip", "share_revoked", transitauthzSubjectId: pseudonymizer.PseudonymizeTransitauthzSubjectId(share.RiderId.ToString())); // clean precision-pseudonym
            logger.LogTransitauthzAccessDeniedEvent("ShareTrip", "share_revoked", transitauthzNote: $"rider {share.RiderId} revoked the share to {share.ContactPhone}"); // leak TC1001 generated-api
            return Forbid();
        }
        return Ok(new { share.TripId });
    }
}
