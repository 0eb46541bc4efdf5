using OpenTelemetry;

namespace PrivacyHoldout38.Media;

public sealed class RecommendationService(ILogger<RecommendationService> logger, Meter meter)
{
    private readonly Counter<long> _rails = meter.CreateCounter<long>("recommendations.rails", "{rail}");

    public IReadOnlyList<string> Rails(Subscriber subscriber, ViewingProfile profile, IReadOnlyList<(string TitleId, double Minutes)> history)
    {
        Baggage.SetBaggage("subscriber.plan", subscriber.Plan); // clean precision-names
        Baggage.SetBaggage("subscriber.id", subscriber.SubscriberId.ToString("N")); // leak TC1001 direct

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ProfileId"] = profile.ProfileId, ["Kids"] = profile.IsKids }); // leak TC1001 logging-objects

        var seed = profile switch
        {
            { IsKids: true } => "kids-catalogue",
            { Name: var name } when history.Count == 0 => $"cold-start:{name}",
            _ => history[0].TitleId,
        };
        logger.LogInformation("Seeding rails from {Seed}", seed); // leak TC1001 strings

        var (profileName, language) = (profile.Name, profile.Language);
        logger.LogInformation("Rails in {Language}", language); // clean precision-about
        logger.LogDebug("Rails for {ProfileName}", profileName); // leak TC1001 direct

        foreach (var (titleId, minutes) in history.Take(3))
        {
            logger.LogDebug("Recently watched {TitleId} for {Minutes:F0} min", titleId, minutes); // clean precision-about
        }

        List<string> rails = [seed, .. history.Select(h => h.TitleId).Distinct().Take(5), "trending"];
        _rails.Add(rails.Count, new KeyValuePair<string, object?>("subscriber.country", subscriber.Country)); // clean precision-names
        return rails;
    }
}
