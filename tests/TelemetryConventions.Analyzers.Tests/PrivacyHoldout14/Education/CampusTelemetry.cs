using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using TelemetryConventions;

namespace PrivacyHoldout14.Education;

public interface IHasStudent
{
    StudentNumber Student { get; }
}

/// <summary>A student number as the registry issues it: campus code and a six-digit serial, written <c>C3-004217</c>.</summary>
public readonly record struct StudentNumber(int Campus, int Serial) : ISpanFormattable
{
    public static StudentNumber Parse(string text) =>
        new(int.Parse(text.AsSpan(1, text.IndexOf('-') - 1), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(text.IndexOf('-') + 1), CultureInfo.InvariantCulture));

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"C{Campus}-{Serial:D6}", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => string.Create(CultureInfo.InvariantCulture, $"C{Campus}-{Serial:D6}");

    public override string ToString() => ToString(null, null);
}

/// <summary>The learner the current request acts for, set by the authentication middleware.</summary>
public sealed record LearnerContext(StudentNumber Student, Pseudonym Ref, string Programme)
{
    private static readonly AsyncLocal<LearnerContext?> Slot = new();

    public static LearnerContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }
}

/// <summary>A campus event the team records on the current span; each type names itself.</summary>
public interface ICampusEvent<TSelf>
    where TSelf : ICampusEvent<TSelf>
{
    static abstract string EventName { get; }

    ActivityTagsCollection ToTags();
}

public sealed record DeadlineExtended(string CourseCode, int Days) : ICampusEvent<DeadlineExtended>
{
    public static string EventName => "learning.deadline.extended";

    public ActivityTagsCollection ToTags() => new() { ["learning.course.code"] = CourseCode, ["learning.extension.days"] = Days };
}

public sealed record GuardianNotified(string CourseCode, string GuardianEmail, string Channel) : ICampusEvent<GuardianNotified>
{
    public static string EventName => "learning.guardian.notified";

    public ActivityTagsCollection ToTags() => new() { ["learning.course.code"] = CourseCode, ["guardian.email"] = GuardianEmail, ["channel"] = Channel };
}

/// <summary>A fluent builder of span tags, the team's way of keeping attribute names in one place.</summary>
public sealed class CampusTags
{
    private readonly List<KeyValuePair<string, object?>> _tags = [];

    public CampusTags Course(string courseCode) => Add("learning.course.code", courseCode);

    public CampusTags Files(int count) => Add("learning.file.count", count);

    public CampusTags Learner(Pseudonym learner) => Add("learning.student.id", learner.Value);

    public CampusTags Cohort(string cohort) => Add("learning.cohort", cohort);

    public CampusTags Add(string key, object? value)
    {
        _tags.Add(new(key, value));
        return this;
    }

    public void ApplyTo(Activity? activity)
    {
        foreach (var (key, value) in _tags)
        {
            activity?.SetTag(key, value);
        }
    }
}

public static class CampusActivityExtensions
{
    public static Activity? WithStudent<T>(this Activity? activity, T subject)
        where T : IHasStudent =>
        activity?.SetTag("learning.student.number", subject.Student.ToString()); // leak TC1001 direct

    public static Activity? AddCampusEvent<TEvent>(this Activity? activity, TEvent campusEvent)
        where TEvent : ICampusEvent<TEvent> =>
        activity?.AddEvent(new ActivityEvent(TEvent.EventName, tags: campusEvent.ToTags()));
}
