using System;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Education;

public sealed class Enrolment : AggregateRoot
{
    public Guid Id { get; set; }

    public required string StudentNumber { get; set; }

    public required string CourseCode { get; set; }

    public int IntakeYear { get; set; }

    public void Confirm() => Raise(new StudentEnrolled(Id, StudentNumber, CourseCode, IntakeYear));
}

public sealed class GradeRecord
{
    public Guid Id { get; set; }

    public required string StudentNumber { get; set; }

    public required string ModuleCode { get; set; }

    public decimal Mark { get; set; }

    public string? MarkerEmail { get; set; }

    public uint Version { get; set; }
}

public sealed record StudentEnrolled(Guid EnrolmentId, string StudentNumber, string CourseCode, int IntakeYear) : DomainEvent;

public sealed class CampusDbContext : DbContext
{
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<GradeRecord> Grades => Set<GradeRecord>();
}

public sealed class EnrolmentRequest
{
    [Required]
    [RegularExpression("^S[0-9]{8}$")]
    public string StudentNumber { get; init; } = string.Empty;

    [Required]
    [EmailAddress]
    public string GuardianEmail { get; init; } = string.Empty;

    [Phone]
    public string? GuardianPhone { get; init; }

    [Required]
    [StringLength(12)]
    public string CourseCode { get; init; } = string.Empty;

    [Range(2020, 2035)]
    public int IntakeYear { get; init; }

    [UniqueLearnerNumber]
    public string? UniqueLearnerNumber { get; init; }
}

public sealed class GuardianContactUpdate
{
    [Required]
    [EmailAddress]
    public string GuardianEmail { get; init; } = string.Empty;

    [Phone]
    public string? GuardianPhone { get; init; }

    [StringLength(60)]
    public string? Relationship { get; init; }
}

/// <summary>A ULN is ten digits; the message repeats what was typed so the admissions desk can correct it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UniqueLearnerNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is string uln && (uln.Length != 10 || !uln.All(char.IsDigit)))
        {
            return new ValidationResult($"'{uln}' is not a valid unique learner number", new[] { validationContext.MemberName ?? "UniqueLearnerNumber" });
        }

        return ValidationResult.Success;
    }
}
