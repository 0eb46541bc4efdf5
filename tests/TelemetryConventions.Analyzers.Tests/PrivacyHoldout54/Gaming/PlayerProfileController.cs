using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Gaming;

public sealed class PlayerProfile
{
    public PlayerId Id { get; init; }

    public string Gamertag { get; init; } = "";

    public string Email { get; init; } = "";

    public string Platform { get; init; } = "";

    public string Region { get; init; } = "";

    public int Level { get; init; }

    public override string ToString() => $"Player {Id.Value:N}";
}

public sealed class Loadout
{
    public Guid LoadoutId { get; init; }

    public PlayerId Owner { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];

    public override string ToString() => $"Loadout {LoadoutId:N}";
}

public sealed record ProfileCard(string DisplayName, int Level, string Platform, string AvatarUrl);

/// <summary>Per-request state the game API keeps for logging scopes.</summary>
public sealed class PlayerRequestContext
{
    public PlayerId PlayerId { get; init; }

    public string Platform { get; init; } = "";

    public string ClientVersion { get; init; } = "";

    public override string ToString() => $"{Platform}/{ClientVersion}";
}

public sealed class PlayerProfileController(ILogger<PlayerProfileController> logger, Pseudonymizer pseudonymizer)
{
    public ProfileCard Get(PlayerProfile profile, Loadout loadout, PlayerRequestContext context)
    {
        using var requestScope = logger.BeginScope(context); // clean logging-objects
        using var playerScope = logger.BeginScope(new Dictionary<string, object?> { ["PlayerId"] = context.PlayerId, ["Platform"] = context.Platform }); // leak TC1001 logging-objects
        var activity = Activity.Current;

        logger.LogInformation("Profile requested for {Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Loadout {Loadout} served", loadout); // clean logging-objects
        logger.LogInformation("Loadout {@Loadout} served", loadout); // leak TC1001 logging-objects
        activity?.SetTag("game.loadout", loadout.ToString()); // clean strings
        activity?.SetTag("game.profile", "profile:" + profile); // leak TC1001 strings
        activity?.SetTag("game.player.ref", pseudonymizer.PseudonymizeModelSubjectId(profile.Id.Value.ToString())); // clean precision-pseudonym
        activity?.SetTag(ModelAttributes.SubjectId, profile.Gamertag); // leak TC1001 generated-api

        var card = new ProfileCard(profile.Gamertag, profile.Level, profile.Platform, $"https://cdn.example.com/avatars/{profile.Id.Value:N}.png");
        logger.LogDebug("Card level {Level} on {Platform}", card.Level, card.Platform); // clean cross-member
        activity?.SetTag("game.avatar", card.AvatarUrl); // leak TC1001 cross-member
        activity?.SetTag("game.avatar.host", new Uri(card.AvatarUrl).Host); // clean precision-about

        logger.LogDebug("Field {Field} is required", nameof(PlayerProfile.Gamertag)); // clean precision-names
        logger.LogDebug("Gamertag limit {GamertagMaxLength}", 15); // clean precision-names
        logger.LogDebug("Loadout items {ItemCount}", loadout.Items.Count);
        return card;
    }
}
