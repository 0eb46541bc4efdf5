namespace PrivacyHoldout116.Education;

public sealed record QuizAttempt(string StudentNumber, string SchoolUrn, string QuizId, int QuestionIndex, string Answer);

/// <summary>
/// Throttles answer submissions on the learning platform's quizzes (a sliding window per student and quiz,
/// so answers cannot be brute-forced) and meters the schools' MIS integrations by the API key the trust
/// issued to each school.
/// </summary>
public sealed class QuizSubmissionThrottle(
    ILogger<QuizSubmissionThrottle> logger,
    ICounterStore counters,
    IApiKeyStore apiKeys,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Learning.Throttle");
    private static readonly QuotaPolicy AnswerPolicy = new("quiz-answers", 30, TimeSpan.FromMinutes(5));
    private readonly Histogram<long> _answersPerWindow = meter.CreateHistogram<long>("learning.quiz.answers_per_window");

    public async Task<bool> AllowAnswerAsync(QuizAttempt attempt)
    {
        var key = $"quiz:{attempt.QuizId}:student:{attempt.StudentNumber}";
        var used = await counters.IncrementAsync(key, AnswerPolicy.Window);
        var usage = new QuotaUsage(key, AnswerPolicy.Name, used, AnswerPolicy.Limit, DateTimeOffset.UtcNow + AnswerPolicy.Window);

        var span = Activity.Current.EnrichLearnguardThrottle(AnswerPolicy.Name)
            .SetLearnguardSchool(attempt.SchoolUrn) // clean precision-names
            .SetLearnguardPartitionKind("student")
            .SetLearnguardAttempts(used); // clean precision-about
        _answersPerWindow.Record(used, new KeyValuePair<string, object?>("quiz.id", attempt.QuizId)); // clean precision-names

        if (!usage.Exceeded)
        {
            return true;
        }

        span.SetLearnguardOutcome("throttled").SetLearnguardSubjectId(pseudonymizer.PseudonymizeLearnguardSubjectId(attempt.StudentNumber)); // clean precision-pseudonym
        logger.LogWarning("Answer quota reached: {Usage}", usage); // leak TC1001 logging-objects
        logger.LogWarning("Quiz {QuizId} throttled at question {Question}, {Remaining} answers left", attempt.QuizId, attempt.QuestionIndex, usage.Remaining); // clean precision-names
        Activity.Current?.SetTag("ratelimit.key", key); // leak TC1001 strings
        _answersPerWindow.Record(used, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeLearnguardSubjectId(attempt.StudentNumber))); // leak TC1003 precision-pseudonym
        logger.LogLearnguardRequestBlockedEvent(AnswerPolicy.Name, "throttled", learnguardNote: $"{used} answers to {attempt.QuizId} in {AnswerPolicy.Window.TotalMinutes} minutes"); // clean generated-api
        logger.LogInformation("Last answer was {Length} characters long", attempt.Answer.Length); // clean precision-about
        return false;
    }

    public async Task<bool> AllowMisSyncAsync(EdgeRequest request)
    {
        using var span = Source.StartLearnguardThrottle("mis-sync");
        var presented = request.Headers.TryGetValue("X-Api-Key", out var value) ? value : string.Empty;
        var record = await apiKeys.FindAsync(presented);
        if (record is null)
        {
            var ex = new InvalidApiKeyException(presented.Length >= 8 ? presented[..8] : presented);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Unknown MIS key presented from {Network}", IpNetwork.Of(request.RemoteIpAddress ?? IPAddress.None, 16)); // clean precision-about
            return false;
        }

        span.SetLearnguardPartitionKind("api_key").SetLearnguardSchool(record.OwnerId); // clean precision-names
        logger.LogInformation("MIS key {KeyId} ({Prefix}) of school {School} on plan {Plan}", record.KeyId, record.Prefix, record.OwnerId, record.Plan); // clean precision-names
        var used = await counters.IncrementAsync($"mis:{record.KeyId}:{DateTime.UtcNow:yyyyMMddHH}", TimeSpan.FromHours(1));
        meter.CreateLearnguardThrottledCounter().Add(used > 5000 ? 1 : 0, "mis-sync", "api_key", used > 5000 ? "throttled" : "allowed"); // clean generated-api
        Activity.Current?.SetTag("apikey.record", record.ToString()); // clean logging-objects
        return used <= 5000;
    }

    /// <summary>Spreads students over eight answer-checking workers by a keyed hash.</summary>
    public int WorkerFor(QuizAttempt attempt)
    {
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(attempt.StudentNumber))[0] % 8;
        Activity.Current?.SetTag("quiz.worker", lane); // clean hashes
        var bucket = (attempt.StudentNumber.GetHashCode() & 0x7fffffff) % 64;
        Activity.Current?.SetTag("quiz.sample_bucket", bucket); // leak TC1002 hashes
        return lane;
    }
}
