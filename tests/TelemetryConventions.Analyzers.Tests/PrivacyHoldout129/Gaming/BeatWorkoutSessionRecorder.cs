namespace PrivacyHoldout129.Gaming;

public sealed record WorkoutSession(Guid SessionId, Guid PlayerId, string Gamertag, string SongPack, string Difficulty, TimeSpan Duration, int Calories, IReadOnlyList<HeartRateReading> HeartRate, string? LinkedAccessToken);

public sealed record SessionScore(Guid SessionId, int Score, int Combo, double Accuracy);

/// <summary>Records a finished workout in the VR rhythm game: the score, the paired watch's heart rate, and an upload to the player's linked activity account.</summary>
public sealed class BeatWorkoutSessionRecorder(IActivityClient client, Pseudonymizer pseudonymizer, ILogger<BeatWorkoutSessionRecorder> logger)
{
    private static readonly ActivitySource Source = new("BeatFit.Sessions");
    private static readonly Meter Meter = new("BeatFit.Sessions");
    private static readonly Histogram<int> Calories = Meter.CreateHistogram<int>("beatfit.session.calories", "kcal");
    private static readonly Histogram<double> AverageHeartRate = Meter.CreateHistogram<double>("beatfit.session.heart_rate", "{beat}/min");

    public async Task RecordAsync(WorkoutSession session, SessionScore score, CancellationToken cancellationToken)
    {
        using var span = Source.StartBeatfitSync(beatfitSource: session.LinkedAccessToken is null ? "local" : "strava");
        var player = pseudonymizer.PseudonymizeBeatfitPlayerId(session.PlayerId.ToString());
        span.SetBeatfitPlayerId(player).SetBeatfitSport("vr-workout").SetBeatfitActivityId(session.SessionId.ToString()); // clean precision-pseudonym
        span.Activity?.SetTag("beatfit.song_pack", session.SongPack); // clean precision-names
        span.Activity?.SetTag("beatfit.gamertag", session.Gamertag); // leak TC1001 direct
        logger.LogInformation("Session {SessionId} scored {@Score}", session.SessionId, score); // clean logging-objects

        Calories.Record(session.Calories, new KeyValuePair<string, object?>("difficulty", session.Difficulty)); // clean precision-names
        if (session.HeartRate.Count > 0)
        {
            var avg = session.HeartRate.Average(r => r.Bpm);
            AverageHeartRate.Record(avg, new KeyValuePair<string, object?>("song_pack", session.SongPack)); // clean precision-about
            AverageHeartRate.Record(avg, new KeyValuePair<string, object?>("player", player.Value)); // leak TC1003 precision-pseudonym
            span.Activity?.AddEvent(new ActivityEvent("heart_rate.summary", tags: new ActivityTagsCollection { ["max"] = session.HeartRate.Max(r => r.Bpm), ["samples"] = session.HeartRate.Count })); // clean precision-about
            logger.LogDebug("Heart rate trace for {PlayerId}: {Trace}", session.PlayerId, session.HeartRate); // leak TC1001 direct
        }

        if (session.LinkedAccessToken is null)
        {
            return;
        }

        var externalId = $"beatfit-{session.SessionId:N}";
        try
        {
            var upload = await client.UploadAsync(session.LinkedAccessToken, EncodeFit(session), externalId, cancellationToken);
            logger.LogInformation("Uploaded {Upload}", upload); // clean logging-objects
            span.SetBeatfitOutcome(upload.Status); // clean generated-api
        }
        catch (DuplicateUploadException ex)
        {
            logger.LogInformation(ex, "Session already uploaded"); // clean exceptions
        }
        catch (AthleteUnauthorizedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogBeatfitSyncFailedEvent(beatfitSource: "strava", beatfitOutcome: "unauthorised", beatfitPlayerId: player, beatfitNote: $"{session.Gamertag}'s linked account rejected the upload"); // leak TC1001 generated-api
            Activity.Current?.SetTag("link.token.length", session.LinkedAccessToken.Length); // clean precision-about
        }
    }

    private static byte[] EncodeFit(WorkoutSession session) => Encoding.UTF8.GetBytes(session.SessionId.ToString());
}
