namespace PrivacyHoldout159.Gaming;

// Youth candidates' hustings in the game's lobby: candidates are under 18, so their names are not published outside the game.
public sealed partial class YouthCandidateHustingsHub(ILogger<YouthCandidateHustingsHub> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Council.YouthHustings");
    private readonly List<string> mutedHandles = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Hustings opened in {Constituency} with {Candidates} candidates")]
    private static partial void LogOpened(ILogger logger, string constituency, int candidates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate {CandidateName} took the stage")]
    private static partial void LogOnStage(ILogger logger, string candidateName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate {CandidateName} left the stage")]
    private static partial void LogOffStage(ILogger logger, [PrivateData] string candidateName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question from {Gamertag} muted")]
    private static partial void LogMuted(ILogger logger, string gamertag);

    public void Open(string constituency, IReadOnlyList<string> candidateNames)
    {
        using var activity = Source.StartActivity("hustings.open");
        LogOpened(logger, constituency, candidateNames.Count); // clean logging-objects
        activity?.SetTag("hustings.constituency", constituency); // clean precision-about
        activity?.SetTag("hustings.candidates", string.Join(", ", candidateNames)); // leak TC1001 strings
        activity?.SetTag("hustings.candidate_count", candidateNames.Count); // clean precision-about
        foreach (var name in candidateNames)
        {
            LogOnStage(logger, name); // leak TC1001 logging-objects
            LogOffStage(logger, name); // clean logging-objects
        }
    }

    public void Question(string gamertag, Guid playerId, string text, bool abusive)
    {
        using var activity = Source.StartActivity("hustings.question");
        activity?.SetTag("hustings.question.length", text.Length); // clean precision-about
        activity?.SetTag("hustings.question.text", text); // leak TC1001 direct
        activity?.SetTag("hustings.asker", pseudonymizer.ComputeYouthvoteElectorId(playerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("hustings.asker.raw", Pseudonym.FromComputed(playerId.ToString())); // leak TC1001 precision-pseudonym
        if (abusive)
        {
            mutedHandles.Add(gamertag);
            LogMuted(logger, gamertag); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("question.muted")); // clean precision-about
        }
    }

    public void Close(string constituency)
    {
        logger.LogInformation("Hustings in {Constituency} closed, {Muted} muted", constituency, mutedHandles.Count); // clean cross-member
        logger.LogInformation("Muted handles {Handles}", string.Join(",", mutedHandles)); // leak TC1001 cross-member
    }
}
