using System.Security.Cryptography;
using System.Text;
using OpenTelemetry;

namespace PrivacyHoldout69.Media;

public sealed record ArtworkRequest(string ProfileId, string TitleId, string DeviceClass, int LocalHour, IReadOnlyDictionary<string, double> GenreAffinity);

/// <summary>
/// Picks the artwork shown for a title with a contextual bandit; a play within the session is the
/// reward. Decisions and their propensities are logged so that the next policy can be evaluated
/// offline before it ships.
/// </summary>
public sealed class ArtworkBandit(
    IContextualBandit bandit,
    Pseudonymizer pseudonymizer,
    ILogger<ArtworkBandit> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Artwork");
    private static readonly Meter Meter = new("Streaming.Artwork");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("artwork.decisions");
    private static readonly Counter<long> Rewards = Meter.CreateCounter<long>("artwork.rewards");

    public ArmChoice Choose(ArtworkRequest request)
    {
        using var activity = Source.StartActivity("artwork.choose");
        var context = new Dictionary<string, double>(request.GenreAffinity) { ["local_hour"] = request.LocalHour };
        var choice = bandit.Choose($"artwork:{request.TitleId}", context);
        logger.LogDebug("Artwork request {Request}", request); // leak TC1001 logging-objects

        activity?.SetTag("artwork.title", request.TitleId); // clean precision-about
        activity?.SetTag("artwork.device_class", request.DeviceClass);
        logger.LogInformation("Artwork decision {Choice}", choice); // clean logging-objects
        logger.LogDebug("Bandit context {Context}", context); // clean logging-objects
        Decisions.Add(1, new KeyValuePair<string, object?>("arm", choice.Arm), new KeyValuePair<string, object?>("explored", choice.Explored)); // clean precision-about

        Baggage.SetBaggage("artwork.decision", choice.DecisionId); // clean precision-names
        Baggage.SetBaggage("artwork.profile", request.ProfileId); // leak TC1001 direct
        activity?.SetTag("artwork.profile_ref", pseudonymizer.ComputeRecsProfileId(request.ProfileId)); // clean precision-pseudonym
        activity?.SetTag("artwork.profile_cohort", SHA1.HashData(Encoding.UTF8.GetBytes(request.ProfileId))[0] % 8); // leak TC1002 hashes
        return choice;
    }

    public void OnPlay(ArmChoice choice, string profileId, TimeSpan watched)
    {
        var reward = watched > TimeSpan.FromMinutes(5) ? 1.0 : 0.2;
        bandit.Reward(choice.DecisionId, reward);
        var profile = Pseudonym.FromComputed(profileId);
        Activity.Current?.SetTag("artwork.rewarded_profile", profile.Value); // leak TC1001 precision-pseudonym
        Rewards.Add(1, new KeyValuePair<string, object?>("arm", choice.Arm), new KeyValuePair<string, object?>("policy", choice.PolicyVersion)); // clean precision-about
        logger.LogInformation("Reward {Reward} for decision {DecisionId} after {Minutes:0} min", reward, choice.DecisionId, watched.TotalMinutes); // clean precision-about
    }
}
