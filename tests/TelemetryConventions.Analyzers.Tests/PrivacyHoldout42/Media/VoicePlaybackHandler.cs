using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyHoldout42.Media;

/// <summary>
/// A play directive from a voice assistant's video skill: "play the next episode of Tidewater on the
/// living room TV". The endpoint is the television as the subscriber's account registered it at
/// discovery (its ESN); the bearer token is the linked account's.
/// </summary>
public sealed record PlayDirective(string EndpointId, string BearerToken, string CorrelationToken, string? SearchPhrase, string? TitleId, string? ProfileHint);

public sealed record TitleHit(string TitleId, string Genre, double Score);

public sealed record LinkedAccount(Guid SubscriberId, IReadOnlyList<ViewingProfile> Profiles);

public interface ICatalogSearch
{
    Task<IReadOnlyList<TitleHit>> SearchAsync(string phrase, CancellationToken cancellationToken);
}

public interface ILinkedAccounts
{
    Task<LinkedAccount?> ForTokenAsync(string bearerToken, CancellationToken cancellationToken);
}

public interface IPlaybackLauncher
{
    Task LaunchAsync(string endpointId, string titleId, Guid profileId, CancellationToken cancellationToken);
}

public static class PlaybackActivityExtensions
{
    /// <summary>Which of the household's profiles a voice request played for.</summary>
    public static Activity? WithProfile(this Activity? activity, ViewingProfile profile) =>
        activity?.SetTag("profile.name", profile.Name).SetTag("profile.kids", profile.IsKids); // leak TC1001 direct
}

public sealed class VoicePlaybackHandler(
    ICatalogSearch catalog,
    ILinkedAccounts accounts,
    IPlaybackLauncher launcher,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<VoicePlaybackHandler> logger)
{
    private readonly Counter<long> _plays = meter.CreateCounter<long>("voice.plays", "{play}");
    private readonly Counter<long> _profilePlays = meter.CreateCounter<long>("voice.profile.plays", "{play}");

    public async Task<bool> HandleAsync(PlayDirective directive, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("voice.endpoint", directive.EndpointId); // leak TC1001 direct
        activity?.SetTag("voice.correlation", directive.CorrelationToken); // clean precision-names

        var account = await accounts.ForTokenAsync(directive.BearerToken, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("No linked account for bearer token {Token}", directive.BearerToken); // leak TC1001 direct
            return false;
        }

        var titleId = directive.TitleId;
        if (titleId is null && directive.SearchPhrase is { } phrase)
        {
            activity?.SetTag("voice.search.length", phrase.Length); // clean precision-about
            var hits = await catalog.SearchAsync(phrase, cancellationToken);
            logger.LogInformation("Voice search {Phrase} matched {Count} titles", phrase, hits.Count); // leak TC1001 direct
            titleId = hits.OrderByDescending(h => h.Score).FirstOrDefault()?.TitleId;
        }

        if (titleId is null)
        {
            return false;
        }

        activity?.SetTag("title.id", titleId); // clean precision-names
        // Several people share the household's TV: the assistant passes the name it heard, else the first profile plays.
        var profile = account.Profiles.FirstOrDefault(p => string.Equals(p.Name, directive.ProfileHint, StringComparison.OrdinalIgnoreCase)) ?? account.Profiles[0];
        activity.WithProfile(profile); // leak TC1001 cross-member
        activity?.SetTag("profile.ref", pseudonymizer.Compute("media.profile", profile.ProfileId.ToString())); // clean precision-pseudonym

        await launcher.LaunchAsync(directive.EndpointId, titleId, profile.ProfileId, cancellationToken);
        _plays.Add(1, new KeyValuePair<string, object?>("voice.assistant", "alexa"), new KeyValuePair<string, object?>("profile.kids", profile.IsKids)); // clean precision-about
        _profilePlays.Add(1, new KeyValuePair<string, object?>("profile.ref", pseudonymizer.Compute("media.profile", profile.ProfileId.ToString()))); // leak TC1003 precision-pseudonym
        return true;
    }
}
