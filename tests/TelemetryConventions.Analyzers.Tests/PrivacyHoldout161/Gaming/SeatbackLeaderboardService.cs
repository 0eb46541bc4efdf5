namespace PrivacyHoldout161.Gaming;

/// <summary>Runs the in-flight game leaderboard shown on seatback screens.</summary>
public sealed class SeatbackLeaderboardService(ILogger<SeatbackLeaderboardService> logger)
{
    private static readonly ActivitySource Source = new("Game.Seatback.Leaderboard");
    private static readonly Meter Meter = new("Game.Seatback.Leaderboard");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("seatback.score");

    public static string Line(LeaderboardEntry entry) => $"{entry.Gamertag} ({entry.Seat}) {entry.Score}";

    public static string SeatLine(LeaderboardEntry entry) => $"Seat {entry.Seat}: {entry.Score}";

    public void Publish(string flightNumber, IReadOnlyList<LeaderboardEntry> entries)
    {
        using var activity = Source.StartActivity("seatback.leaderboard");
        activity?.SetTag("seatback.flight", flightNumber); // clean precision-names
        activity?.SetTag("seatback.entries", entries.Count); // clean precision-about
        var top = entries.OrderByDescending(e => e.Score).First();
        activity?.SetTag("seatback.top", Line(top)); // leak TC1001 strings
        activity?.SetTag("seatback.top.seat", SeatLine(top)); // clean strings
        activity?.SetTag("seatback.top.gamertag.length", top.Gamertag.Length); // clean precision-about
        logger.LogInformation("Leaderboard {Entries}", entries); // leak TC1001 logging-objects
        logger.LogInformation("Leaderboard for {Flight}: {Lines}", flightNumber, string.Join(" | ", entries.Select(Line))); // leak TC1001 strings
        foreach (var entry in entries)
        {
            Scores.Record(entry.Score, new KeyValuePair<string, object?>("seatback.flight", entry.FlightNumber)); // clean precision-names
        }

        activity?.AddEvent(new ActivityEvent("seatback.winner", tags: new ActivityTagsCollection { ["gamertag"] = top.Gamertag })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("seatback.winner.seat", tags: new ActivityTagsCollection { ["seat"] = top.Seat })); // clean precision-names
    }
}
