namespace Sport.MatchData;

// A broadcaster's match data: live feed, referees' reports and the viewers' predictor.

/// <summary>A live match event. Prints match, minute, type, the player's id and team.</summary>
public sealed record MatchEvent(string MatchId, int Minute, string EventType, string PlayerId, string TeamId);

/// <summary>A referee's report. Prints report id, match, the referee's id and name, the narrative and card counts.</summary>
public sealed record RefereeReport(string ReportId, string MatchId, string RefereeId, string RefereeName, string Narrative, int Cautions, int Dismissals);

/// <summary>A graphics cue. Prints cue, match, template and minute.</summary>
public sealed record GraphicsCue(string CueId, string MatchId, string Template, int Minute);

/// <summary>A viewer's prediction. Prints prediction id, the viewer's account id and email, match and score.</summary>
public sealed record ViewerPrediction(string PredictionId, string ViewerAccountId, string ViewerEmail, string MatchId, int HomeGoals, int AwayGoals);

public interface IGraphicsEngine
{
    Task CueAsync(GraphicsCue cue, CancellationToken cancellationToken = default);
}

public interface IPredictionStore
{
    Task SaveAsync(ViewerPrediction prediction, CancellationToken cancellationToken = default);
}

/// <summary>The feed went quiet; quotes the match and the gap.</summary>
public sealed class FeedGapException(string matchId, int seconds) : Exception($"No events for {matchId} in {seconds}s");

/// <summary>An event named an unknown player; quotes the player id.</summary>
public sealed class UnknownPlayerException(string playerId) : Exception($"Unknown player {playerId} in feed");
