namespace PrivacyHoldout127.Gaming;

public sealed record ModeratorCourseResult(string StaffId, string WorkEmail, string DisplayName, string CourseCode, string Queue, double Score, bool Passed);

/// <summary>Trust and safety training: moderators must pass the wellbeing and child-safety courses before they are given a review queue.</summary>
public sealed partial class ModeratorTrainingTracker(IComplianceStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ModeratorTrainingTracker> logger)
{
    private static readonly ActivitySource Source = new("Studio.TrustSafety.Training");
    private static readonly Meter Meter = new("Studio.TrustSafety.Training");
    private static readonly Counter<long> QueueGrants = Meter.CreateCounter<long>("academy.moderator.queue_grants");

    public async Task RecordAsync(ModeratorCourseResult result, CancellationToken ct)
    {
        var moderator = pseudonymizer.PseudonymizeAcademyModeratorId(result.StaffId);
        using var span = Source.StartAcademyRecord(result.CourseCode, spanName: "academy.moderator.course")
            .SetAcademyModeratorId(moderator) // clean precision-pseudonym
            .SetAcademyScore(result.Score) // clean precision-about
            .SetAcademyOutcome(result.Passed ? "passed" : "failed");
        span.Activity?.SetTag("academy.moderator.queue", result.Queue); // clean precision-names
        span.Activity?.SetTag("enduser.id", result.WorkEmail); // leak TC1001 direct
        span.Activity?.SetBaggage("moderator", moderator.Value); // clean precision-pseudonym
        LogResult(logger, result.StaffId, result.CourseCode, result.Passed); // clean logging-objects
        LogResultPlain(logger, result.DisplayName, result.CourseCode); // leak TC1001 logging-objects

        if (result.Passed)
        {
            await store.RecordCompletionAsync(result.StaffId, result.CourseCode, DateOnly.FromDateTime(DateTime.UtcNow), ct);
            QueueGrants.Add(1, new KeyValuePair<string, object?>("queue", result.Queue)); // clean precision-names
            QueueGrants.Add(1, new KeyValuePair<string, object?>("moderator", moderator)); // leak TC1003 precision-pseudonym
        }
        else
        {
            logger.LogAcademyRecordFailedEvent(result.CourseCode, "failed", academyNote: $"{result.DisplayName} scored {result.Score:P0}"); // leak TC1001 generated-api
            logger.LogAcademyRecordFailedEvent(result.CourseCode, "failed", academyNote: $"scored {result.Score:P0} on {result.Queue}"); // clean generated-api
        }

        var cohort = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(result.StaffId)))[..6];
        span.Activity?.SetTag("academy.moderator.cohort", cohort); // clean hashes
        span.Activity?.SetTag("academy.moderator.bucket", (result.StaffId.GetHashCode() & 0x7fffffff).ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator {StaffId} finished {Course}: {Passed}")]
    private static partial void LogResult(ILogger logger, [PrivateData] string staffId, string course, bool passed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator {Moderator} finished {Course}")]
    private static partial void LogResultPlain(ILogger logger, string moderator, string course);
}
