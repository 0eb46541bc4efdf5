using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;

namespace PrivacyHoldout72.Gaming;

/// <summary>
/// The game API gateway accepts console and PC platform tokens (<c>X-Platform-Token</c>) and swaps
/// them for the studio's player token before forwarding to the game services. The platform tells
/// the gateway the player's platform account id and gamertag in the exchange response. The game
/// API's routes are <c>/players/{playerId}/…</c> and <c>/matches/{matchId}/…</c>.
/// </summary>
public sealed class PlatformTokenTransform(IPlatformAuth platformAuth, ITokenExchangeClient exchange, Pseudonymizer pseudonymizer, ILogger<PlatformTokenTransform> logger) : RequestTransform
{
    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        var request = context.HttpContext.Request;
        var platformToken = request.Headers.TryGetValue("X-Platform-Token", out var value) ? value : null;
        var correlationId = Correlation.For(context.HttpContext);
        AddHeader(context, Correlation.HeaderName, correlationId);
        Activity.Current?.SetTag("edge.correlation_id", correlationId); // clean precision-names

        if (platformToken is null)
        {
            logger.LogInformation("No platform token on {Url}", request.GetDisplayUrl()); // leak TC1001 strings
            return;
        }

        RemoveHeader(context, "X-Platform-Token");
        PlatformIdentity identity;
        try
        {
            identity = await platformAuth.ValidateAsync(platformToken, context.CancellationToken);
        }
        catch (PlatformAuthException ex)
        {
            logger.LogWarning("Platform token rejected ({Platform}, {Code}) token {TokenTail}", ex.Platform, ex.Code, platformToken[^4..]); // clean precision-about
            logger.LogWarning("Platform token rejected: {Token}", platformToken); // leak TC1001 direct
            throw;
        }

        var playerToken = await exchange.ExchangeAsync(platformToken, "game-services", context.CancellationToken);
        AddHeader(context, "Authorization", "Bearer " + playerToken.AccessToken);
        AddHeader(context, "X-Player-Id", identity.PlayerId.ToString());

        var playerRef = pseudonymizer.PseudonymizeEdgePlayerId(identity.PlayerId.ToString());
        Activity.Current.EnrichEdgeRequest("edge-game").SetEdgePlayerId(playerRef); // clean precision-pseudonym
        Activity.Current?.SetTag("edge.platform", identity.Platform); // clean precision-about
        Activity.Current?.SetTag("edge.platform.account", identity.PlatformAccountId); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("edge.token.exchanged", tags: new ActivityTagsCollection { ["platform"] = identity.Platform, ["gamertag"] = identity.Gamertag })); // leak TC1001 direct
        logger.LogDebug("Exchanged platform token for {Identity}", identity); // leak TC1001 logging-objects
        logger.LogDebug("Exchanged for player token {TokenId}, expires {ExpiresAt}", playerToken.TokenId, playerToken.ExpiresAt); // clean precision-names
    }
}

public interface IPlatformAuth
{
    Task<PlatformIdentity> ValidateAsync(string platformToken, CancellationToken ct);
}

public sealed record PlatformIdentity(Guid PlayerId, string Platform, string PlatformAccountId, string Gamertag, string AgeRating);

/// <summary>Thrown by the platform validators; the message is the platform's fixed error text.</summary>
public sealed class PlatformAuthException(string platform, string code) : Exception($"{platform} rejected the token ({code})")
{
    public string Platform { get; } = platform;

    public string Code { get; } = code;
}

/// <summary>
/// Canary routing for the matchmaking cluster: a stable slice of players goes to the canary
/// destination. The team first bucketed by the player id's hash code, then by an HMAC with the shard key.
/// </summary>
public sealed class CanaryDestinationPicker(ShardKey shardKey, Meter meter, ILogger<CanaryDestinationPicker> logger)
{
    private readonly Counter<long> _picked = meter.CreateCounter<long>("edge.canary.picked");

    public string Pick(HttpContext context, ClusterConfig cluster)
    {
        var playerId = context.User.FindFirst("player_id")!.Value;
        var slice = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(playerId))[0] % 100;
        var destination = slice < 5 ? "canary" : "stable";

        _picked.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("slice", slice / 10)); // clean hashes
        Activity.Current?.SetTag("edge.canary.legacy_slice", Math.Abs(playerId.GetHashCode()) % 100); // leak TC1002 hashes
        Activity.Current?.SetTag("edge.canary.player", Convert.ToBase64String(Encoding.UTF8.GetBytes(playerId))); // leak TC1001 hashes
        logger.LogDebug("Cluster {ClusterId} destination {Destination} for slice {Slice}", cluster.ClusterId, destination, slice); // clean hashes
        return destination;
    }
}
