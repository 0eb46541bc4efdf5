using GrowthBook;

namespace PrivacyHoldout115.Media;

public sealed record PlaybackStart(Guid SubscriberId, Guid ProfileId, string DeviceId, string DeviceClass, string TitleId, string Territory, string Plan);

/// <summary>
/// Chooses the adaptive-bitrate ladder for a playback under the ABR experiment, hashed on the viewing
/// profile so that everyone in a household can be in different arms, and reports it on the playback span.
/// </summary>
public sealed class PlaybackExperimentService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PlaybackExperimentService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Playback.Experiments");
    private static readonly Meter Meter = new("Streaming.Playback.Experiments");
    private static readonly MediaflagEvaluationsCounter Evaluations = Meter.CreateMediaflagEvaluationsCounter();
    private static readonly Counter<long> Ladders = Meter.CreateCounter<long>("playback.abr.ladder");

    private static readonly Experiment AbrLadder = new()
    {
        Key = "abr-ladder-v3",
        Variations = ["v2-ladder", "v3-ladder", "v3-ladder-low-start"],
        Weights = [0.5, 0.25, 0.25],
        HashAttribute = "profileId",
    };

    public string LadderFor(PlaybackStart start)
    {
        var gb = new GrowthBook.GrowthBook
        {
            Attributes =
            {
                ["profileId"] = start.ProfileId.ToString(),
                ["deviceId"] = start.DeviceId,
                ["deviceClass"] = start.DeviceClass,
                ["plan"] = start.Plan,
            },
        };

        using var span = Source.StartMediaflagEvaluate(AbrLadder.Key).SetMediaflagExperimentId(AbrLadder.Key); // clean generated-api
        var result = gb.Run(AbrLadder);
        span.SetMediaflagVariant(result.Value).SetMediaflagSegment(start.DeviceClass); // clean generated-api
        span.SetMediaflagSubjectId(pseudonymizer.PseudonymizeMediaflagSubjectId(start.ProfileId.ToString())); // clean precision-pseudonym
        span.SetMediaflagBucket(KeyedBucket.Of(secrets.ShardKey, start.ProfileId.ToString(), 100)); // clean hashes
        Activity.Current?.SetTag("abr.hash_attribute", AbrLadder.HashAttribute); // clean precision-names
        Activity.Current?.SetTag("abr.device", start.DeviceId); // leak TC1001 direct
        Activity.Current?.SetTag("abr.title", start.TitleId); // clean precision-names
        Activity.Current?.SetTag("abr.bucket", (int)(GrowthBook.GrowthBook.Fnv32a(AbrLadder.Key, start.ProfileId.ToString()) * 100)); // leak TC1002 hashes

        Evaluations.Add(1, AbrLadder.Key, result.Value, result.InExperiment ? "SPLIT" : "DEFAULT"); // clean generated-api
        Ladders.Add(1, new KeyValuePair<string, object?>("ladder", result.Value), new KeyValuePair<string, object?>("territory", start.Territory)); // clean precision-names
        Ladders.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.PseudonymizeMediaflagSubjectId(start.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Profile {Profile} on {Device} gets {Ladder}", start.ProfileId, start.DeviceClass, result.Value); // leak TC1001 direct
        logger.LogDebug("Playback start {Start}", start); // leak TC1001 logging-objects
        return result.Value;
    }
}
