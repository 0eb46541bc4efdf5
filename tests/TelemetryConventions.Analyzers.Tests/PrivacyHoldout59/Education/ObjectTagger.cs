using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace PrivacyHoldout59.Education;

/// <summary>Leaves a property out of <see cref="ObjectTagger"/>'s output.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotTracedAttribute : Attribute;

public sealed class TutorTelemetryOptions
{
    public const string Section = "Telemetry:Tutor";

    /// <summary>Property names <see cref="ObjectTagger.TagFields"/> copies; set per environment.</summary>
    public List<string> IncludeFields { get; set; } = ["AssignmentId", "CourseCode", "YearGroup", "IsLate"];

    /// <summary>Tag prefix per school URN, for the trusts that share dashboards.</summary>
    public Dictionary<string, string> SchoolPrefixes { get; set; } = new() { ["137412"] = "oakfield.", ["140221"] = "riverside." };

    public bool TagGuardianNotices { get; set; }
}

/// <summary>Tags every public property of an object, so handlers do not list them one by one.</summary>
public static class ObjectTagger
{
    public static void TagProperties(Activity? activity, object value, string prefix = "tutor.")
    {
        if (activity is null)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(NotTracedAttribute)))
            {
                continue;
            }
            activity.SetTag(prefix + ToSnakeCase(property.Name), property.GetValue(value));
        }
    }

    public static void TagFields(Activity? activity, object value, IEnumerable<string> includeFields, string prefix = "tutor.")
    {
        var type = value.GetType();
        foreach (var field in includeFields)
        {
            if (type.GetProperty(field) is { } property)
            {
                activity?.SetTag(prefix + ToSnakeCase(field), property.GetValue(value));
            }
        }
    }

    public static IReadOnlyDictionary<string, object?> ToState(object value) =>
        value.GetType().GetProperties()
            .Where(p => !p.IsDefined(typeof(NotTracedAttribute)))
            .ToDictionary(p => p.Name, p => p.GetValue(value));

    public static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

public sealed record SubmissionReceived(
    string SubmissionId,
    string AssignmentId,
    string CourseCode,
    string SchoolUrn,
    string StudentNumber,
    int YearGroup,
    int WordCount,
    bool IsLate);

public sealed record FeedbackReleased(
    string AssignmentId,
    string CourseCode,
    [property: NotTraced] string StudentNumber,
    [property: NotTraced] string StudentName,
    string MarkBand,
    int CommentCount);

public sealed record GuardianNotice(
    string NoticeId,
    string SchoolUrn,
    [property: NotTraced] string StudentNumber,
    [property: NotTraced] string GuardianEmail,
    string GuardianMobile,
    string Channel);

public sealed record AssignmentStats(string AssignmentId, string CourseCode, int Submitted, int Late, int Missing);

/// <summary>A mark changed by a teacher; <see cref="ToTags"/> is what the gradebook puts on its spans.</summary>
public sealed record GradeChange(string AssignmentId, string StudentNumber, string OldBand, string NewBand, string Reason)
{
    public IEnumerable<KeyValuePair<string, object?>> ToTags()
    {
        yield return new("tutor.assignment.id", AssignmentId);
        yield return new("tutor.student.number", StudentNumber);
        yield return new("tutor.grade.from", OldBand);
        yield return new("tutor.grade.to", NewBand);
        yield return new("tutor.grade.reason", Reason);
    }
}

/// <summary>A course's load for the week; tags of things only.</summary>
public sealed record CourseLoad(string CourseCode, string SchoolUrn, int OpenAssignments, int DueThisWeek)
{
    public IEnumerable<KeyValuePair<string, object?>> ToTags() =>
    [
        new("tutor.course.code", CourseCode),
        new("tutor.school", SchoolUrn),
        new("tutor.course.open_assignments", OpenAssignments),
        new("tutor.course.due_this_week", DueThisWeek),
    ];
}
