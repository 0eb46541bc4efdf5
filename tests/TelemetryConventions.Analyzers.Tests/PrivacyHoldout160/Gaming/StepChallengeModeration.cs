namespace PrivacyHoldout160.Gaming;

/// <summary>Moderates the step challenge leaderboard of the rehab game.</summary>
public sealed class StepChallengeModeration(
    ILogger<StepChallengeModeration> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> entries = meter.CreateCounter<long>("rehabplay.step.entries");

    public bool Accept(StepEntry entry, IReadOnlySet<string> blocked)
    {
        using var activity = source.StartActivity("ModerateSteps");
        activity?.SetTag("challenge", entry.Challenge); // clean precision-names
        activity?.SetTag("steps", entry.Steps); // clean precision-about
        activity?.SetTag("gamertag.length", entry.Gamertag.Length); // clean precision-about
        entries.Add(1, new KeyValuePair<string, object?>("challenge", entry.Challenge)); // clean precision-about

        if (blocked.Contains(entry.Gamertag))
        {
            var ex = new GamertagBlockedException(entry.Gamertag);
            using var span = source.StartRehabplayOperation(entry.Challenge);
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogRehabplayOperationFailedEvent(entry.Challenge, "blocked", rehabplayPlayerId: pseudonymizer.PseudonymizeRehabplayPlayerId(entry.PlayerId.ToString())); // clean generated-api
            logger.LogRehabplayOperationFailedEvent(entry.Challenge, "blocked", rehabplayNote: entry.Gamertag); // leak TC1001 generated-api
            return false;
        }

        if (entry.Steps > 60000)
        {
            var message = BuildSuspicion(entry);
            logger.LogWarning("Suspicious entry: {Message}", message); // leak TC1001 strings
            activity?.SetStatus(ActivityStatusCode.Error, "steps over daily limit"); // clean precision-about
            return false;
        }

        logger.LogInformation("Entry accepted on {Challenge} for {Player}", entry.Challenge, entry.PlayerId); // leak TC1001 direct
        activity?.SetBaggage("player.pseudonym", pseudonymizer.ComputeRehabplayPlayerId(entry.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetBaggage("player.gamertag", entry.Gamertag); // leak TC1001 direct
        return true;
    }

    private static string BuildSuspicion(StepEntry entry)
    {
        var builder = new StringBuilder();
        builder.Append(entry.Gamertag).Append(" logged ").Append(entry.Steps).Append(" steps");
        return builder.ToString();
    }
}
