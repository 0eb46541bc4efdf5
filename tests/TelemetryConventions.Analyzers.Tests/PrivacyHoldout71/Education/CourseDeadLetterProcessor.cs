using System.Security.Cryptography;

namespace PrivacyHoldout71.Education;

/// <summary>Why a course event could not be handled by a consumer; the VLE writes these back to us.</summary>
public sealed record ConsumerRejection(string EventId, string Consumer, string Code, string Detail);

/// <summary>Thrown when a consumer rejects an event; the VLE's detail names the student it could not find.</summary>
public sealed class ConsumerRejectedException(ConsumerRejection rejection) : Exception($"{rejection.Consumer} rejected {rejection.EventId}: {rejection.Detail}")
{
    public ConsumerRejection Rejection { get; } = rejection;
}

/// <summary>
/// Drains the course events' dead-letter table every ten minutes. The detail of an event the VLE
/// rejected is the VLE's text ("student S1234567 not enrolled on MATH-101").
/// </summary>
public sealed class CourseDeadLetterProcessor(
    IDeadLetterStore deadLetters,
    CourseEventPublisher publisher,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<CourseDeadLetterProcessor> logger)
{
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var letters = await deadLetters.TakeAsync(200, cancellationToken);
        using var activity = source.StartActivity("coursehook.dead_letters.drain");
        activity?.SetTag("dead_letters.count", letters.Count); // clean precision-about
        activity?.SetTag("dead_letters.reasons", string.Join(",", letters.Select(l => l.Reason).Distinct())); // clean precision-about

        foreach (var letter in letters)
        {
            var data = JsonSerializer.Deserialize<SubmissionGraded>(letter.Body);
            if (data is null)
            {
                continue;
            }
            var studentRef = pseudonymizer.PseudonymizeCoursehookStudentId(data.StudentNumber);
            logger.LogCoursehookDeadLetteredEvent(letter.EventType, letter.Reason, studentRef, letter.Detail); // leak TC1001 generated-api
            logger.LogCoursehookDeadLetteredEvent(letter.EventType, letter.Reason, studentRef, $"{letter.Detail.Length} chars from the VLE"); // clean generated-api
            activity?.AddEvent(new ActivityEvent("dead_letter", tags: new ActivityTagsCollection { ["event.id"] = letter.EventId, ["sample"] = SampleOf(data.StudentNumber) })); // leak TC1002 hashes
            try
            {
                await publisher.PublishAsync(data, cancellationToken);
            }
            catch (ConsumerRejectedException ex)
            {
                logger.LogWarning("Consumer {Consumer} rejected again with {Code}", ex.Rejection.Consumer, ex.Rejection.Code); // clean precision-about
                logger.LogWarning(ex, "Re-publish of {EventId} failed", letter.EventId); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Rejection.ToString()); // clean logging-objects
            }
        }
    }

    /// <summary>Samples one in eight students for the weekly quality review.</summary>
    private static bool SampleOf(string studentNumber) => SHA256.HashData(Encoding.UTF8.GetBytes(studentNumber))[0] % 8 == 0;
}
