namespace PrivacyHoldout140.Gaming;

/// <summary>A finished playtest's participant, with the reward chosen in the exit survey.</summary>
public sealed record PlaytestCompletion(Guid PlayerId, string Gamertag, string Email, string RewardChoice, int MinutesPlayed, string? ExitQuote);

/// <summary>
/// Rewards players after a playtest (an in-game item bundle or a gift card) and writes the findings summary the
/// game team reads, with players' quotes attributed by pseudonym.
/// </summary>
public sealed class PlaytestRewardsService(
    IPayoutClient payouts,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PlaytestRewardsService> logger)
{
    private readonly Counter<long> _rewards = meter.CreateCounter<long>("playtest.rewards", "{reward}");

    public async Task RewardAsync(string buildId, PlaytestCompletion completion, CancellationToken cancellationToken)
    {
        using var span = source.StartPlaytestOperation(buildId);
        span.SetPlaytestPlayerId(pseudonymizer.PseudonymizePlaytestPlayerId(completion.PlayerId.ToString())); // clean precision-pseudonym
        _rewards.Add(1, new("reward", completion.RewardChoice), new("build", buildId)); // clean precision-about

        if (completion.RewardChoice == "gift-card")
        {
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            var result = await payouts.SendGiftCardAsync(new GiftCardIssue(code, 20m, completion.Email), cancellationToken);
            span.Activity?.SetTag("playtest.reward.payment_id", result.PaymentId); // clean precision-names
            logger.LogInformation("Gift card {Code} sent, status {Status}", code, result.Status); // leak TC1001 direct
            logger.LogInformation("Gift card result {@Result}", result); // clean logging-objects
        }
        else
        {
            logger.LogInformation("Bundle {Bundle} granted to {PlayerId}", completion.RewardChoice, completion.PlayerId); // leak TC1001 direct
        }

        var cohort = completion.PlayerId.GetHashCode() % 4;
        span.Activity?.SetTag("playtest.followup.cohort", cohort); // leak TC1002 hashes
        span.Activity?.SetTag("playtest.minutes_played", completion.MinutesPlayed); // clean precision-about
    }

    public string WriteFindings(string buildId, IReadOnlyList<PlaytestCompletion> completions)
    {
        using var span = source.StartPlaytestOperation(buildId);
        var summary = new StringBuilder();
        foreach (var completion in completions.Where(c => c.ExitQuote is not null))
        {
            summary.Append(pseudonymizer.ComputePlaytestPlayerId(completion.PlayerId.ToString())).Append(": ").AppendLine(completion.ExitQuote);
        }

        span.Activity?.SetTag("playtest.findings.quotes", completions.Count(c => c.ExitQuote is not null)); // clean precision-about
        span.Activity?.SetTag("playtest.findings.players", string.Join(",", completions.Select(c => pseudonymizer.ComputePlaytestPlayerId(c.PlayerId.ToString())))); // clean precision-pseudonym
        logger.LogInformation("Findings for {Build}: {Summary}", buildId, summary.ToString()); // leak TC1001 strings
        span.Activity?.SetTag(PlaytestAttributes.Contact, string.Join(";", completions.Select(c => c.Email))); // leak TC1001 generated-api
        return summary.ToString();
    }
}
