namespace PrivacyHoldout84.Gaming;

public sealed record ChurnAnswer(string SubscriptionId, string CustomerId, string Gamertag, string ReasonCode, string? FreeText, int HoursPlayedLast30Days, string Tier);

/// <summary>Collects the exit survey players fill in when they cancel their game pass.</summary>
public sealed class PassChurnSurvey(ILogger<PassChurnSurvey> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _answers = meter.CreateCounter<long>("pass.churn.answers");
    private readonly ConcurrentQueue<ChurnAnswer> _recent = new();

    public void Record(ChurnAnswer answer)
    {
        using var span = source.StartPasssubRenewal(answer.Tier)
            .SetPasssubSubscriptionStatus("canceled")
            .SetPasssubOutcome(answer.ReasonCode) // clean generated-api
            .SetPasssubCustomerId(pseudonymizer.PseudonymizePasssubCustomerId(answer.CustomerId)); // clean precision-pseudonym
        _answers.Add(1, new KeyValuePair<string, object?>("reason", answer.ReasonCode), new KeyValuePair<string, object?>("engaged", answer.HoursPlayedLast30Days > 10)); // clean precision-about
        _recent.Enqueue(answer);

        if (!string.IsNullOrWhiteSpace(answer.FreeText))
        {
            span.SetPasssubNote(answer.FreeText); // leak TC1001 generated-api
            Activity.Current?.SetTag("pass.churn.free_text.words", answer.FreeText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            logger.LogInformation("Churn answer for {SubscriptionId}: {Answer}", answer.SubscriptionId, answer); // leak TC1001 logging-objects
        }

        meter.CreatePasssubRenewalsCounter().Add(1, answer.Tier, "canceled:" + answer.ReasonCode); // clean generated-api
    }

    public void Digest()
    {
        var top = _recent.GroupBy(a => a.ReasonCode).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}={g.Count()}");
        logger.LogInformation("Churn reasons this hour: {Top}", string.Join(", ", top)); // clean precision-about
        var quotes = _recent.Where(a => a.FreeText is not null).Select(a => $"{a.Gamertag}: {a.FreeText}").Take(3);
        logger.LogInformation("Sample quotes: {Quotes}", quotes); // leak TC1001 strings
        var loudest = _recent.OrderByDescending(a => a.FreeText?.Length ?? 0).FirstOrDefault();
        Activity.Current?.TagChurn("pass.churn.loudest", loudest?.Gamertag); // leak TC1001 cross-member
        Activity.Current?.TagChurn("pass.churn.loudest_tier", loudest?.Tier); // clean precision-names
    }
}

internal static class ChurnActivityExtensions
{
    public static Activity? TagChurn(this Activity? activity, string key, string? value) => value is null ? activity : activity?.SetTag(key, value);
}
