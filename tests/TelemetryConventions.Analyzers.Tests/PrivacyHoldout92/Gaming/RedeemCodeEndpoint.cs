namespace PrivacyHoldout92.Gaming;

/// <summary>The body of <c>POST /redeem</c>: the code the player typed, and where they are playing.</summary>
public sealed record RedeemRequest(Guid PlayerId, string Gamertag, string Code, string Platform, string DeviceId);

/// <summary>What a redemption granted. A record of things.</summary>
public sealed record Grant(string Sku, int Quantity, string CampaignId);

/// <summary>Thrown when a creator code names no creator in the programme: <c>No creator '{handle}'.</c></summary>
public sealed class UnknownCreatorException(string handle)
    : Exception($"No creator '{handle}'.");

/// <summary>
/// Redeems codes typed in the game's store: campaign codes from trailers and streams (the same for everyone),
/// single-use codes issued to one player (compensation, giveaways), prepaid card codes bought in shops, and
/// creator codes (a streamer's handle) that credit the creator.
/// </summary>
public sealed class RedeemCodeEndpoint(IPromotionEngine promotions, IVelocityStore velocity, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<RedeemCodeEndpoint> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Redeem");
    private static readonly Meter Meter = new("Game.Store.Redeem");
    private static readonly Counter<long> CreatorCredits = Meter.CreateCounter<long>("redeem.creator.credits");

    public void Map(EndpointRoutes routes) => routes.MapPost("/redeem", RedeemAsync);

    private async Task<ActionResultStub> RedeemAsync(RedeemRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var code = request.Code.Trim().ToUpperInvariant();
        var kind = code.StartsWith("PP-", StringComparison.Ordinal) ? "prepaid-card" : code.StartsWith("@", StringComparison.Ordinal) ? "creator" : "promo";
        using var span = Source.StartRedeemCode(kind);
        span.SetRedeemPlatform(request.Platform).SetRedeemPlayerId(pseudonymizer.PseudonymizeRedeemPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("enduser.id", request.PlayerId); // leak TC1001 direct

        var attempts = await velocity.IncrementAsync($"redeem:{request.PlayerId}", TimeSpan.FromHours(1), cancellationToken);
        Activity.Current?.SetTag("redeem.attempts_last_hour", attempts); // clean precision-about
        if (attempts > 10)
        {
            logger.LogRedeemRefusedEvent(redeemOutcome: "rate-limited", redeemCodeKind: kind, redeemPlayerId: pseudonymizer.PseudonymizeRedeemPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
            logger.LogWarning("Rate limited {Gamertag} on device {Device}", request.Gamertag, request.DeviceId); // leak TC1001 direct
            return new ActionResultStub(429);
        }

        if (kind == "creator")
        {
            try
            {
                if (code.Length < 4)
                {
                    throw new UnknownCreatorException(code[1..]);
                }
                CreatorCredits.Add(1, new KeyValuePair<string, object?>("redeem.creator", code[1..])); // leak TC1003 direct
                return new ActionResultStub(200);
            }
            catch (UnknownCreatorException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                return new ActionResultStub(404);
            }
        }

        var promo = await promotions.FindAsync(code, cancellationToken);
        if (promo is null)
        {
            span.SetRedeemOutcome("unknown");
            logger.LogInformation("Unknown code of {Length} characters typed on {Platform}", code.Length, request.Platform); // clean precision-about
            return new ActionResultStub(404);
        }

        try
        {
            var redemption = await promotions.RedeemAsync(promo, request.PlayerId.ToString(), cancellationToken);
            span.SetRedeemCampaign(promo.CampaignId).SetRedeemOutcome("granted");
            if (promo.Kind == CodeKind.Campaign)
            {
                span.Activity?.SetTag("redeem.code", promo.Code); // clean precision-names
                Meter.CreateRedeemRedemptionsCounter().Add(1, redeemCodeKind: kind, redeemOutcome: "granted", redeemCampaign: promo.Code); // clean precision-names
            }
            else
            {
                logger.LogInformation("Redeemed {Redemption}", redemption); // leak TC1001 logging-objects
                span.SetRedeemNote($"single-use {promo.Code} issued to {promo.IssuedTo}"); // leak TC1001 generated-api
                Meter.CreateRedeemRedemptionsCounter().Add(1, redeemCodeKind: kind, redeemOutcome: "granted", redeemCampaign: promo.CampaignId);
            }
            logger.LogInformation("Granted {@Grant}", new Grant("bp-s14-premium", 1, promo.CampaignId)); // clean logging-objects
            return new ActionResultStub(200);
        }
        catch (CodeAlreadyRedeemedException ex) when (promo.Kind == CodeKind.Campaign)
        {
            logger.LogInformation(ex, "Campaign code already used by this player"); // clean exceptions
            return new ActionResultStub(409);
        }
        catch (CodeAlreadyRedeemedException ex)
        {
            logger.LogWarning(ex, "Code already redeemed"); // leak TC1001 exceptions
            var bucket = (uint)ex.Code.GetHashCode() % 64;
            span.Activity?.SetTag("redeem.code_bucket", bucket); // leak TC1002 hashes
            return new ActionResultStub(409);
        }
        finally
        {
            Meter.CreateRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, redeemPlatform: request.Platform);
        }
    }
}

/// <summary>The minimal API's result, reduced to its status.</summary>
public sealed record ActionResultStub(int StatusCode);
