using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Gaming;

public enum Platform
{
    Xbox,
    Psn,
    Steam,
}

/// <summary>A platform identity as the platform's token exchange returns it: its account id (XUID, PSN account id, SteamID64) and the handle.</summary>
public sealed record PlatformIdentity(Platform Platform, string AccountId, string Gamertag, string Region);

public sealed record LinkRecord(Guid PlayerId, Platform Platform, string PlatformAccountId, DateTimeOffset LinkedAt);

public interface IPlatformTokenExchange
{
    Task<PlatformIdentity> RedeemAsync(Platform platform, string authCode, CancellationToken cancellationToken);
}

public interface ILinkStore
{
    Task<LinkRecord?> FindByPlatformAccountAsync(Platform platform, string accountId, CancellationToken cancellationToken);

    Task AddAsync(LinkRecord link, CancellationToken cancellationToken);

    Task<int> CountForPlayerAsync(Guid playerId, CancellationToken cancellationToken);
}

/// <summary>The platform refused the code; its message quotes the redemption request it saw.</summary>
public sealed class TokenExchangeException(Platform platform, string errorCode, string message) : Exception(message)
{
    public Platform Platform { get; } = platform;

    public string ErrorCode { get; } = errorCode;
}

/// <summary>The link already belongs to another game account: the caller offers a merge.</summary>
public sealed class AlreadyLinkedException(Guid ownerPlayerId, string platformAccountId)
    : Exception($"Platform account {platformAccountId} is linked to player {ownerPlayerId}")
{
    public Guid OwnerPlayerId { get; } = ownerPlayerId;
}

/// <summary>Links a platform account to the signed-in game account.</summary>
public sealed class PlatformLinkService(
    IPlatformTokenExchange exchange,
    ILinkStore links,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PlatformLinkService> logger)
{
    private readonly LinkingLinksCounter _links = meter.CreateLinkingLinksCounter();

    public async Task<LinkRecord> LinkAsync(Guid playerId, Platform platform, string authCode, CancellationToken cancellationToken)
    {
        var platformName = platform.ToString().ToLowerInvariant();
        using var span = source.StartLinkingLink(platformName); // clean generated-api
        span.SetLinkingPlayerId(pseudonymizer.PseudonymizeLinkingPlayerId(playerId.ToString())).SetLinkingAction(LinkingAction.Link); // clean precision-pseudonym
        span.Activity?.SetTag("linking.auth_code.length", authCode.Length); // clean precision-about

        PlatformIdentity identity;
        try
        {
            identity = await exchange.RedeemAsync(platform, authCode, cancellationToken);
        }
        catch (TokenExchangeException ex)
        {
            span.SetLinkingOutcome($"exchange_failed:{ex.ErrorCode}"); // clean exceptions
            logger.LogWarning("Token exchange with {Platform} failed: {Code}", ex.Platform, ex.ErrorCode); // clean exceptions
            _links.Add(1, platformName, LinkingAction.Link, "exchange_failed"); // clean generated-api
            throw;
        }

        span.SetLinkingRegion(identity.Region); // clean direct
        span.Activity?.SetTag("linking.platform.account.hash", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(identity.AccountId)))); // leak TC1002 hashes
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Platform"] = platformName, ["PlatformAccount"] = identity.AccountId }); // leak TC1001 direct
        logger.LogDebug("Redeemed code for {Identity}", identity); // leak TC1001 logging-objects

        var existing = await links.FindByPlatformAccountAsync(platform, identity.AccountId, cancellationToken);
        if (existing is not null && existing.PlayerId != playerId)
        {
            var conflict = new AlreadyLinkedException(existing.PlayerId, identity.AccountId);
            span.Activity?.AddException(conflict); // leak TC1001 exceptions
            logger.LogLinkingMergeRefusedEvent(platformName, "already_linked", pseudonymizer.PseudonymizeLinkingPlayerId(existing.PlayerId.ToString()), "offered merge"); // clean precision-pseudonym
            throw conflict;
        }

        var record = new LinkRecord(playerId, platform, identity.AccountId, DateTimeOffset.UtcNow);
        await links.AddAsync(record, cancellationToken);
        var count = await links.CountForPlayerAsync(playerId, cancellationToken);
        span.SetLinkingOutcome(count > 1 ? "linked:additional" : "linked:first"); // clean generated-api
        span.Activity?.SetTag(LinkingAttributes.PlatformAccount, identity.AccountId); // leak TC1001 generated-api
        span.Activity?.SetTag("linking.gamertag.initial", identity.Gamertag[..1]); // clean precision-about
        span.SetLinkingNote($"linked {identity.Gamertag} on {platformName}"); // leak TC1001 generated-api
        _links.Add(1, platformName, LinkingAction.Link, "linked"); // clean generated-api
        logger.LogInformation("Player linked {Platform}; {LinkCount} links now", platformName, count); // clean precision-about
        logger.LogInformation("Link saved {Link}", record); // leak TC1001 logging-objects
        return record;
    }

    public async Task UnlinkAsync(Guid playerId, Platform platform, string reason, CancellationToken cancellationToken)
    {
        var platformName = platform.ToString().ToLowerInvariant();
        using var span = source.StartLinkingLink(platformName); // clean generated-api
        span.SetLinkingAction(LinkingAction.Unlink).SetLinkingNote(reason is "user_request" or "platform_ban" ? reason : "other"); // clean generated-api
        var legacyRef = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{platformName}:{playerId}"));
        span.Activity?.SetTag("linking.legacy.ref", legacyRef); // leak TC1001 hashes
        _links.Add(1, platformName, LinkingAction.Unlink, pseudonymizer.PseudonymizeLinkingPlayerId(playerId.ToString()).Value); // leak TC1003 precision-pseudonym
        await Task.CompletedTask;
    }
}
