using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout21.Education;

/// <summary>An LTI Assignment and Grade Services score, as posted to a line item's scores endpoint.</summary>
public sealed record AgsScore(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("scoreGiven")] double ScoreGiven,
    [property: JsonPropertyName("scoreMaximum")] double ScoreMaximum,
    [property: JsonPropertyName("activityProgress")] string ActivityProgress,
    [property: JsonPropertyName("gradingProgress")] string GradingProgress,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp);

/// <summary>The launch the current request belongs to, kept for the request's lifetime.</summary>
public sealed class CurrentLaunch
{
    public LaunchContext? Launch { get; set; }

    public string LearnerRef => Launch?.SubjectRef ?? "anonymous";
}

/// <summary>Passes grades back to the platform's gradebook.</summary>
public sealed class ScorePublisher(HttpClient platform, CurrentLaunch current, ILogger<ScorePublisher> logger)
{
    public async Task PublishAsync(Uri lineItem, double score, double maximum, CancellationToken cancellationToken)
    {
        var launch = current.Launch ?? throw new InvalidOperationException("No launch in scope");
        var body = new AgsScore(launch.Subject, score, maximum, "Completed", "FullyGraded", DateTimeOffset.UtcNow);
        var scoresUrl = new Uri(lineItem.AbsoluteUri.TrimEnd('/') + "/scores");

        Activity.Current?.SetTag("lti.ags.scores_url", scoresUrl.AbsoluteUri); // clean strings
        Activity.Current?.SetTag("lti.ags.learner", current.LearnerRef); // clean precision-pseudonym
        Activity.Current?.SetTag("lti.ags.student_number", launch.StudentNumber); // leak TC1001 cross-member
        logger.LogDebug("POST {Body}", JsonSerializer.Serialize(body)); // leak TC1001 logging-objects

        using var response = await platform.PostAsJsonAsync(scoresUrl, body, cancellationToken);
        Activity.Current?.SetTag("lti.ags.status", (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Gradebook refused the score for {Learner} with {Status}", current.Launch?.Subject, (int)response.StatusCode); // leak TC1001 cross-member
        }
    }
}
