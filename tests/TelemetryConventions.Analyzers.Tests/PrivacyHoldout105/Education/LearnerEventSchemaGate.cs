using Segment;
using Segment.Model;

namespace PrivacyHoldout105.Education;

/// <summary>
/// Server-side tracking of learning events (lesson opened, quiz submitted) against the tracking plan: each
/// event's properties are validated against its schema before they are sent on to the analytics warehouse.
/// Both events carry the student's number in their properties; quiz events also carry the score.
/// </summary>
public sealed class LearnerEventSchemaGate(
    IAnalyticsClient analytics,
    ISchemaValidator validator,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<LearnerEventSchemaGate> logger)
{
    private static readonly Dictionary<string, SchemaKey> Plan = new()
    {
        ["lesson_opened"] = new("org.example.lms", "lesson_opened", "jsonschema", "1-0-2"),
        ["quiz_submitted"] = new("org.example.lms", "quiz_submitted", "jsonschema", "2-1-0"),
    };

    public void Track(string studentNumber, string anonymousId, string eventName, Properties properties)
    {
        var activity = Activity.Current;
        var span = activity.EnrichLrnclickCollect(eventName);
        activity?.SetTag("lms.anonymous_id", anonymousId); // leak TC1001 direct
        activity?.SetTag("lms.student.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber)))); // leak TC1002 hashes
        activity?.SetTag("lms.event.properties", properties.Count); // clean precision-about
        var bucket = Math.Abs(studentNumber.GetHashCode()) % 10;
        activity?.SetTag("lms.sample.bucket", bucket); // leak TC1002 hashes
        var sampled = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] < 26;
        activity?.SetTag("lms.sampled", sampled); // clean hashes

        if (!Plan.TryGetValue(eventName, out var schema))
        {
            var ex = new SchemaNotFoundException(new SchemaKey("org.example.lms", eventName, "jsonschema", "1-0-0"));
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }
        span.SetLrnclickSchema(schema.ToString()); // clean generated-api

        var json = JsonSerializer.Serialize(properties);
        var result = validator.Validate(schema, json);
        if (!result.IsValid)
        {
            logger.LogWarning("Tracking plan violations for {EventName}: {Violations}", eventName, result.Violations); // clean precision-names
            logger.LogLrnclickEventRejectedEvent(eventName, "violation", lrnclickSchema: schema.ToString(), lrnclickVisitorId: pseudonymizer.PseudonymizeLrnclickVisitorId(anonymousId)); // clean precision-pseudonym
            logger.LogLrnclickEventRejectedEvent(eventName, "violation", lrnclickNote: json); // leak TC1001 generated-api
            logger.LogDebug("Rejected properties {Properties}", properties); // leak TC1001 logging-objects
            logger.LogDebug("Rejected property keys {Keys}", string.Join(",", properties.Keys)); // clean precision-names
            meter.CreateLrnclickEventsCounter().Add(1, eventName, lrnclickOutcome: "violation"); // clean generated-api
            return;
        }

        if (eventName == "quiz_submitted")
        {
            activity?.SetTag("lms.quiz.score", properties["score"]); // clean precision-about
            activity?.SetTag("lms.quiz.student", properties["student_number"]); // leak TC1001 cross-member
        }
        analytics.Track(studentNumber, eventName, properties, new Options().SetAnonymousId(anonymousId));
        meter.CreateLrnclickEventsCounter().Add(1, eventName, lrnclickOutcome: "accepted"); // clean generated-api
    }
}
