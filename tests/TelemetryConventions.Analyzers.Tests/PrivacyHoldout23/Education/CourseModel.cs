using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.RegularExpressions;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Education;

/// <summary>A student number: campus letter and seven digits, e.g. <c>L2049187</c>.</summary>
public sealed record StudentNumber
{
    private const string Pattern = "^[A-Z][0-9]{7}$";

    private static readonly Regex Format = new(Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private StudentNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The campus that issued the number (its first letter).</summary>
    public string CampusCode => Value[..1];

    public static StudentNumber From(string value)
    {
        Guard.Against.NullOrWhiteSpace(value, nameof(value));
        var normalised = value.Trim().ToUpperInvariant();
        Guard.Against.InvalidFormat(normalised, nameof(value), Pattern, $"'{value}' is not a valid student number.");
        return new StudentNumber(normalised);
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out StudentNumber? studentNumber)
    {
        var normalised = value?.Trim().ToUpperInvariant();
        studentNumber = normalised is not null && Format.IsMatch(normalised) ? new StudentNumber(normalised) : null;
        return studentNumber is not null;
    }

    public static implicit operator string(StudentNumber studentNumber) => studentNumber.Value;

    public override string ToString() => Value;
}

public readonly record struct CourseId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct EnrolmentId(Guid Value);

public sealed record CourseCode
{
    private CourseCode(string value) => Value = value;

    public string Value { get; }

    public static CourseCode From(string value) =>
        new(Guard.Against.InvalidFormat(value.Trim().ToUpperInvariant(), nameof(value), "^[A-Z]{4}[0-9]{4}$"));

    public override string ToString() => Value;
}

/// <summary>An email address that prints only its domain, so it can be logged.</summary>
public sealed record EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string Domain => Value[(Value.IndexOf('@') + 1)..];

    public static Result<EmailAddress> Create(string? raw)
    {
        var trimmed = raw?.Trim();
        var at = trimmed?.IndexOf('@') ?? -1;
        if (string.IsNullOrEmpty(trimmed) || at <= 0 || at == trimmed.Length - 1)
        {
            return Error.Validation("Email.Invalid", "The email address is not valid.");
        }

        return new EmailAddress(trimmed.ToLowerInvariant());
    }

    public override string ToString() => $"***@{Domain}";
}

public enum WithdrawalReason
{
    Transferred,
    Financial,
    Health,
    Other,
}

public sealed record StudentEnrolled(CourseId CourseId, EnrolmentId EnrolmentId, StudentNumber Student, EmailAddress Guardian) : DomainEvent;

public sealed record StudentWithdrawn(CourseId CourseId, StudentNumber Student, WithdrawalReason Reason) : DomainEvent;

public sealed record Enrolment(EnrolmentId Id, StudentNumber Student, DateTimeOffset EnrolledAt);

public sealed class Course : AggregateRoot<CourseId>
{
    private readonly List<Enrolment> _enrolments = new();

    public Course(CourseId id, CourseCode code, int capacity)
        : base(id)
    {
        Code = code;
        Capacity = Guard.Against.NegativeOrZero(capacity, nameof(capacity));
    }

    public CourseCode Code { get; }

    public int Capacity { get; }

    public Result<EnrolmentId> Enrol(StudentNumber student, EmailAddress guardian, DateTimeOffset now)
    {
        if (_enrolments.Any(e => e.Student == student))
        {
            return EnrolmentErrors.AlreadyEnrolled(student, Code);
        }

        if (_enrolments.Count >= Capacity)
        {
            return EnrolmentErrors.CourseFull(Code);
        }

        var enrolment = new Enrolment(new EnrolmentId(Guid.NewGuid()), student, now);
        _enrolments.Add(enrolment);
        Raise(new StudentEnrolled(Id, enrolment.Id, student, guardian));
        return enrolment.Id;
    }

    public Result Withdraw(StudentNumber student, WithdrawalReason reason)
    {
        if (_enrolments.RemoveAll(e => e.Student == student) == 0)
        {
            return EnrolmentErrors.NotEnrolled;
        }

        Raise(new StudentWithdrawn(Id, student, reason));
        return Result.Success();
    }

    public override string ToString() => $"{Code} ({_enrolments.Count}/{Capacity})";
}

public static class EnrolmentErrors
{
    public static readonly Error InvalidStudentNumber = Error.Validation("Enrolment.InvalidStudentNumber", "The student number is not valid.");

    public static readonly Error NotEnrolled = Error.NotFound("Enrolment.NotEnrolled", "The student is not enrolled on this course.");

    public static Error AlreadyEnrolled(StudentNumber student, CourseCode course) => Error.Conflict("Enrolment.AlreadyEnrolled", $"Student {student} is already enrolled on {course}.");

    public static Error CourseFull(CourseCode course) => Error.Conflict("Enrolment.CourseFull", $"{course} has no places left.");

    public static Error CourseNotFound(CourseId course) => Error.NotFound("Course.NotFound", $"Course {course} does not exist.");
}
