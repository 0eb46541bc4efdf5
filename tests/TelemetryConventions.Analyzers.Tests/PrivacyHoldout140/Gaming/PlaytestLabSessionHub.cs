namespace PrivacyHoldout140.Gaming;

/// <summary>A player seated at a lab station.</summary>
public sealed record SeatedPlayer(Guid PlayerId, string Gamertag, int Seat, string TutorialVariant);

/// <summary>
/// Runs a lab playtest session: seats the players, assigns each a tutorial variant, takes the observers' notes
/// and names the screen recordings the researchers review afterwards.
/// </summary>
public sealed class PlaytestLabSessionHub(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<PlaytestLabSessionHub> logger)
{
    private static readonly Meter Meter = new("Studio.UserResearch.Lab");
    private static readonly Counter<long> Deaths = Meter.CreateCounter<long>("playtest.lab.deaths", "{death}");
    private static readonly Histogram<double> TutorialSeconds = Meter.CreateHistogram<double>("playtest.lab.tutorial_time", "s");

    private readonly Dictionary<int, SeatedPlayer> _seats = new();

    public void Seat(PlaytestSession session, IReadOnlyList<(Guid PlayerId, string Gamertag)> players)
    {
        using var span = source.StartPlaytestOperation(session.BuildId);
        span.SetPlaytestSession(session.SessionId); // clean precision-names
        span.SetPlaytestSeatCount(session.Seats); // clean precision-about
        logger.LogInformation("Session opened {Session}", session); // clean logging-objects

        for (var i = 0; i < players.Count; i++)
        {
            var variant = i % 2 == 0 ? "tutorial-a" : "tutorial-b";
            _seats[i + 1] = new SeatedPlayer(players[i].PlayerId, players[i].Gamertag, i + 1, variant);
            span.Activity?.AddEvent(new ActivityEvent("seat.assigned", tags: new ActivityTagsCollection { ["seat"] = i + 1, ["variant"] = variant })); // clean precision-about
        }

        logger.LogInformation("Seated: {Players}", string.Join(", ", players.Select(p => p.Gamertag))); // leak TC1001 strings
    }

    public void PlayerDied(string buildId, int seat, string level)
    {
        var player = _seats[seat];
        Deaths.Add(1, new("level", level), new("variant", player.TutorialVariant)); // clean precision-about
        Deaths.Add(1, new KeyValuePair<string, object?>("player", player.PlayerId)); // leak TC1003 cross-member
    }

    public void TutorialFinished(string buildId, int seat, TimeSpan took)
    {
        var player = _seats[seat];
        TutorialSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("variant", player.TutorialVariant)); // clean precision-about
        Activity.Current?.SetTag("playtest.player", pseudonymizer.ComputePlaytestPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
    }

    public void Observe(ObservationNote note)
    {
        var player = _seats[note.Seat];
        using var span = source.StartPlaytestOperation("lab");
        span.SetPlaytestSession(note.SessionId);
        span.Activity?.SetTag("playtest.observation.seat", note.Seat); // clean precision-about
        span.Activity?.SetTag("playtest.observation.at", note.At.ToString()); // clean precision-about
        span.SetPlaytestNote(note.Text); // leak TC1001 generated-api
        logger.LogDebug("Observation on {Gamertag}: {Note}", player.Gamertag, note.Text); // leak TC1001 direct
    }

    public string RecordingFileFor(string sessionId, int seat)
    {
        var player = _seats[seat];
        var file = $"recordings/{sessionId}/{player.Gamertag}-{seat}.mp4";
        Activity.Current?.SetTag("playtest.recording.file", file); // leak TC1001 strings
        Activity.Current?.SetTag("playtest.recording.folder", $"recordings/{sessionId}/"); // clean strings
        return file;
    }
}
