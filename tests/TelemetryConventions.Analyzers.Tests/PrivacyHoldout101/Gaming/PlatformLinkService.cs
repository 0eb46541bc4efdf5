namespace PrivacyHoldout101.Gaming;

/// <summary>A platform account presented for linking: the platform, the person's id there (SteamID64, XUID, PSN account id) and the handle shown there.</summary>
public sealed record PlatformAccount(string Platform, string PlatformUserId, string DisplayHandle);

/// <summary>A player's account at the publisher.</summary>
public sealed class PlayerAccount : AccountUser
{
    public string Gamertag { get; set; } = string.Empty;

    public string Region { get; set; } = "eu";
}

public interface IPlayerAccounts
{
    Task<PlayerAccount?> FindByPlatformAsync(string platform, string platformUserId, CancellationToken cancellationToken);

    Task<MergeOutcome> MergeAsync(AccountMergePlan plan, CancellationToken cancellationToken);
}

/// <summary>Links Steam, Xbox and PlayStation accounts to a publisher account and merges the progress of two accounts of one player.</summary>
public sealed class PlatformLinkService(
    IAccountManager<PlayerAccount> accounts,
    IPlayerAccounts players,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PlatformLinkService> logger)
{
    private readonly PlayacctFlowsCounter _flows = meter.CreatePlayacctFlowsCounter();
    private readonly Counter<long> _links = meter.CreateCounter<long>("playacct.links");

    public async Task<bool> LinkAsync(PlayerAccount player, PlatformAccount platform, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayacctFlow("link").SetPlayacctIdp(platform.Platform);
        span.SetPlayacctPlayerId(pseudonymizer.PseudonymizePlayacctPlayerId(player.Id)); // clean precision-pseudonym
        Activity.Current?.SetTag("playacct.platform.user_id", platform.PlatformUserId); // leak TC1001 direct
        Activity.Current?.SetTag("playacct.platform.handle_length", platform.DisplayHandle.Length); // clean precision-about
        _links.Add(1, new KeyValuePair<string, object?>("playacct.platform", platform.Platform)); // clean precision-names

        var existing = await players.FindByPlatformAsync(platform.Platform, platform.PlatformUserId, cancellationToken);
        if (existing is not null && existing.Id != player.Id)
        {
            logger.LogWarning("{Platform} account already linked to {OtherGamertag}, offering merge", platform.Platform, existing.Gamertag); // leak TC1001 cross-member
            span.SetPlayacctOutcome("conflict"); // clean generated-api
            return false;
        }

        var result = await accounts.AddLoginAsync(player, new ExternalLogin(platform.Platform, platform.PlatformUserId, platform.DisplayHandle));
        if (!result.Succeeded)
        {
            var ex = new LoginAlreadyLinkedException(platform.Platform, platform.PlatformUserId);
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Link refused: {Result}", result); // clean logging-objects
            return false;
        }
        var logins = await accounts.GetLoginsAsync(player);
        logger.LogInformation("Player {Gamertag} now has {Count} platform logins", player.Gamertag, logins.Count); // leak TC1001 direct
        logger.LogInformation("Linked platforms {Platforms}", string.Join(",", logins.Select(l => l.LoginProvider))); // clean strings
        logger.LogDebug("Linked logins {Logins}", logins); // leak TC1001 logging-objects
        _flows.Add(1, "link", "ok", platform.Platform); // clean generated-api
        return true;
    }

    public async Task<MergeOutcome> MergeAsync(PlayerAccount survivor, PlayerAccount retired, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayacctFlow("merge");
        var plan = new AccountMergePlan($"mrg-{Guid.NewGuid():N}", survivor.Id, retired.Id, "most-playtime");
        span.SetPlayacctRequestId(plan.MergeId); // clean generated-api
        span.SetPlayacctNote($"{retired.Gamertag} -> {survivor.Gamertag}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("playacct.merge.rule", plan.Rule); // clean precision-names
        var outcome = await players.MergeAsync(plan, cancellationToken);
        logger.LogInformation("Merge {MergeId} moved {Logins} logins and {Consents} consents", outcome.MergeId, outcome.LoginsMoved, outcome.ConsentsMoved); // clean precision-about
        logger.LogInformation("Retired account {RetiredAccountId} after merge", plan.RetiredAccountId); // leak TC1001 cross-member
        logger.LogInformation("Retired account {Retired} after merge", pseudonymizer.ComputePlayacctPlayerId(plan.RetiredAccountId)); // clean precision-pseudonym
        return outcome;
    }
}
