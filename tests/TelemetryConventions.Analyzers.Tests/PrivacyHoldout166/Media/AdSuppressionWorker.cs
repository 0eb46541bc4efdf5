namespace PrivacyHoldout166.Media;

public interface IAdProfiles
{
    IAsyncEnumerable<AdProfile> ChangedAsync(CancellationToken cancellationToken);

    Task SuppressAsync(Guid viewerId, string category, CancellationToken cancellationToken);
}

/// <summary>Keeps gambling adverts away from viewers who asked for it or who are in a self-exclusion segment.</summary>
public sealed class AdSuppressionWorker(
    IAdProfiles profiles,
    Pseudonymizer pseudonymizer,
    ILogger<AdSuppressionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("QuizLine.Ads");
    private static readonly Meter Meter = new("QuizLine.Ads");
    private static readonly Counter<long> Suppressed = Meter.CreateCounter<long>("quizline.ads.suppressed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var profile in profiles.ChangedAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("ads.suppress");
            activity?.SetTag("ads.segments", profile.Segments.Length); // clean precision-about
            activity?.SetTag("ads.district", profile.Postcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("ads.postcode", profile.Postcode); // leak TC1001 direct
            if (!profile.Segments.Contains("gambling-opt-out") && !profile.Segments.Contains("self-excluded"))
            {
                continue;
            }

            await profiles.SuppressAsync(profile.ViewerId, "gambling", stoppingToken);
            activity?.SetTag("ads.viewer", profile.ViewerId.ToString("N")); // leak TC1001 direct
            activity?.SetTag("ads.viewer.hash", Convert.ToHexString(MD5.HashData(profile.ViewerId.ToByteArray()))); // leak TC1002 hashes
            Trace(profile.ViewerId);
            var viewer = pseudonymizer.Pseudonymize("viewer", profile.ViewerId.ToString());
            logger.LogInformation("Gambling ads suppressed for {Viewer}", viewer); // clean precision-pseudonym
            logger.LogInformation("Gambling ads suppressed for {Profile}", profile); // leak TC1001 logging-objects
            logger.LogInformation("Gambling ads suppressed for segments {Segments}", string.Join(",", profile.Segments)); // clean precision-about
            Suppressed.Add(1, new KeyValuePair<string, object?>("category", "gambling")); // clean precision-about
            Suppressed.Add(1, new KeyValuePair<string, object?>("viewer", profile.ViewerId.ToString())); // leak TC1003 direct
        }
    }

    private static void Trace(Guid viewerId)
    {
        var tags = new TagList { { "ads.category", "gambling" } };
        tags.Add("ads.viewer", viewerId);
        Activity.Current?.AddEvent(new ActivityEvent("ads.suppressed", tags: new ActivityTagsCollection(tags))); // leak TC1001 cross-member
    }
}
