using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Education;

public readonly record struct StudentNumber(string Value);

public readonly record struct CourseCode(string Value);

public sealed class LearnerProfile
{
    public StudentNumber StudentNumber { get; init; }

    public string DisplayName { get; init; } = "";

    public string YearGroup { get; init; } = "";

    /// <summary>Unique reference number of the learner's school.</summary>
    public string SchoolUrn { get; init; } = "";

    public EmailAddress? GuardianEmail { get; init; }

    public IReadOnlyList<CourseCode> Courses { get; init; } = [];
}

/// <summary>The learner card on a teacher's dashboard.</summary>
public sealed class LearnerCardViewModel
{
    public string Title { get; init; } = "";

    public string Subtitle { get; init; } = "";

    public int CourseCount { get; init; }

    public override string ToString() => $"{Title} ({Subtitle})";
}

public static class TagBuilder
{
    /// <summary>One tag per public property, named prefix.property.</summary>
    public static ActivityTagsCollection FromObject(string prefix, object value)
    {
        var tags = new ActivityTagsCollection();
        foreach (var property in value.GetType().GetProperties())
        {
            tags[$"{prefix}.{property.Name.ToLowerInvariant()}"] = property.GetValue(value)?.ToString();
        }
        return tags;
    }
}

public sealed class LearnerProfileService(ILogger<LearnerProfileService> logger, Pseudonymizer pseudonymizer)
{
    public LearnerCardViewModel Show(LearnerProfile profile)
    {
        var card = new LearnerCardViewModel
        {
            Title = profile.DisplayName,
            Subtitle = $"{profile.YearGroup} · {profile.SchoolUrn}",
            CourseCount = profile.Courses.Count,
        };
        var activity = Activity.Current;
        logger.LogInformation("Card rendered {Card}", card); // leak TC1001 cross-member
        activity?.SetTag("lms.card.subtitle", card.Subtitle); // clean cross-member
        activity?.SetTag("lms.card.courses", card.CourseCount);
        activity?.AddEvent(new ActivityEvent("learner.viewed", tags: TagBuilder.FromObject("learner", profile))); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("learner.courses", tags: TagBuilder.FromObject("courses", new { Count = profile.Courses.Count, profile.YearGroup }))); // clean logging-objects

        logger.LogInformation("Viewing {Student}", profile.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Courses {Courses}", profile.Courses); // clean logging-objects
        activity?.SetTag("lms.learner", $"{profile.StudentNumber}"); // leak TC1001 strings
        activity?.SetTag("lms.school", profile.SchoolUrn); // clean direct
        activity?.SetTag("lms.learner.ref", pseudonymizer.PseudonymizeModelSubjectId(profile.StudentNumber.Value)); // clean precision-pseudonym

        var cacheKey = new StringBuilder("learner:").Append(profile.YearGroup).Append(':').Append(profile.StudentNumber.Value).ToString();
        logger.LogDebug("Cache entry {Entry}", cacheKey); // leak TC1001 strings
        logger.LogDebug("Profile {@Profile}", new { profile.YearGroup, profile.SchoolUrn, Courses = profile.Courses.Count });
        logger.LogDebug("Display name length {Length}", profile.DisplayName.Length); // clean precision-about
        logger.LogDebug("{StudentNumberFormat} format checked", "S#######"); // clean precision-names
        return card;
    }

    public void Export(IReadOnlyList<LearnerProfile> profiles)
    {
        logger.LogInformation("Exporting learners {Learners}", profiles.Select(p => p.StudentNumber)); // leak TC1001 logging-objects
        logger.LogInformation("Exporting {LearnerCount} learners from {Schools}", profiles.Count, profiles.Select(p => p.SchoolUrn).Distinct()); // clean precision-names
        var byYear = profiles.GroupBy(p => p.YearGroup).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("By year group {ByYear}", byYear); // clean precision-about

        var guardians = profiles
            .Where(p => p.GuardianEmail is not null)
            .ToDictionary(p => p.StudentNumber.Value, p => p.GuardianEmail!.ToString());

        foreach (var profile in profiles.Where(p => p.GuardianEmail is not null))
        {
            Activity.Current?.SetTag(ModelAttributes.SubjectContact, pseudonymizer.ComputeModelSubjectId(profile.GuardianEmail!.Value)); // leak TC1001 precision-pseudonym
            Activity.Current?.SetTag("lms.export.learner", Pseudonym.FromComputed(profile.StudentNumber.Value)); // leak TC1001 precision-pseudonym
        }
    }
}
