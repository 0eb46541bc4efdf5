using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Segment;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Education;

public sealed record LessonCompleted(string StudentNumber, string CourseCode, string LessonId, TimeSpan TimeSpent, int Score);

/// <summary>Sends learning events to the analytics warehouse and mirrors them onto the request's trace.</summary>
public sealed class LearningAnalytics(IAnalytics segment, ILogger<LearningAnalytics> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    public void IdentifyStudent(string studentNumber, string email, string displayName, string cohort)
    {
        var traits = new Dictionary<string, object?> { ["email"] = email, ["name"] = displayName, ["cohort"] = cohort };
        segment.Identify(studentNumber, traits); // clean direct
        logger.LogDebug("Identified student with traits {@Traits}", traits); // leak TC1001 logging-objects
        logger.LogDebug("Identified a student of cohort {Cohort} with {TraitCount} traits", cohort, traits.Count); // clean precision-about
    }

    public void OnLessonCompleted(LessonCompleted lesson)
    {
        var properties = new Dictionary<string, object?>
        {
            ["course"] = lesson.CourseCode,
            ["lesson"] = lesson.LessonId,
            ["seconds"] = lesson.TimeSpent.TotalSeconds,
            ["score"] = lesson.Score,
        };
        segment.Track(lesson.StudentNumber, "Lesson Completed", properties);
        Mirror("Lesson Completed", properties); // clean cross-member
        meter.CreateAnalyticsEventsCounter().Add(1, "Lesson Completed"); // clean generated-api
        logger.LogInformation("Tracked {Event}", lesson); // leak TC1001 logging-objects
    }

    public void OnQuizStarted(string studentNumber, string quizId, bool retake)
    {
        var properties = new Dictionary<string, object?> { ["quiz"] = quizId, ["retake"] = retake, ["student_number"] = studentNumber };
        segment.Track(studentNumber, "Quiz Started", properties);
        Mirror("Quiz Started", properties); // leak TC1001 cross-member
        Activity.Current?.SetTag("analytics.user", pseudonymizer.ComputeAnalyticsUserId(studentNumber)); // clean precision-pseudonym
    }

    // Tracked events are copied onto the current span so a trace shows what the learner did.
    private static void Mirror(string eventName, IDictionary<string, object?> properties)
    {
        var tags = new ActivityTagsCollection(properties.Select(p => new KeyValuePair<string, object?>("analytics." + p.Key, p.Value)));
        Activity.Current?.AddEvent(new ActivityEvent("analytics." + eventName, tags: tags));
    }
}
