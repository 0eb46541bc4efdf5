using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Healthcare;

public readonly record struct PatientId(Guid Value)
{
    public static PatientId New() => new(Guid.NewGuid());
}

public readonly record struct AdmissionId(Guid Value)
{
    public static AdmissionId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("N");
}

public readonly record struct WardCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An NHS number: ten digits, the last a modulus 11 check digit.</summary>
public sealed record NhsNumber
{
    private NhsNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The form the patient portal shows: only the last four digits.</summary>
    public string Masked => $"*** *** {Value[^4..]}";

    public static bool TryParse(string? input, [NotNullWhen(true)] out NhsNumber? nhsNumber)
    {
        nhsNumber = null;
        var digits = new string((input ?? string.Empty).Where(char.IsDigit).ToArray());
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        if (check == 10 || check != digits[9] - '0')
        {
            return false;
        }

        nhsNumber = new NhsNumber(digits);
        return true;
    }

    public static NhsNumber Parse(string input) => TryParse(input, out var nhsNumber) ? nhsNumber : throw new FormatException($"'{input}' is not a valid NHS number."); // leak TC1001 exceptions

    public override string ToString() => Masked;
}

public sealed record PatientAdmitted(PatientId PatientId, AdmissionId AdmissionId, WardCode Ward, string ReferredBy) : DomainEvent;

public sealed record PatientDischarged(PatientId PatientId, AdmissionId AdmissionId, WardCode Ward, int LengthOfStayDays) : DomainEvent;

public sealed class Admission(AdmissionId id, WardCode ward, DateTimeOffset admittedAt) : Entity<AdmissionId>(id)
{
    public WardCode Ward { get; } = ward;

    public DateTimeOffset AdmittedAt { get; } = admittedAt;

    public DateTimeOffset? DischargedAt { get; set; }
}

public sealed class Patient : AggregateRoot<PatientId>
{
    private readonly System.Collections.Generic.List<Admission> _admissions = new();

    public Patient(PatientId id, NhsNumber nhsNumber, string familyName)
        : base(id)
    {
        NhsNumber = nhsNumber;
        FamilyName = Guard.Against.NullOrWhiteSpace(familyName, nameof(familyName));
    }

    public NhsNumber NhsNumber { get; }

    public string FamilyName { get; }

    public WardCode? CurrentWard { get; private set; }

    public int OpenAdmissions => _admissions.Count(a => a.DischargedAt is null);

    public Admission Admit(WardCode ward, string referredBy, DateTimeOffset now)
    {
        if (CurrentWard is { } current)
        {
            throw new DomainException("Patient.AlreadyAdmitted", $"Patient {NhsNumber.Value} is already on ward {current}.");
        }

        var admission = new Admission(AdmissionId.New(), ward, now);
        _admissions.Add(admission);
        CurrentWard = ward;
        Raise(new PatientAdmitted(Id, admission.Id, ward, referredBy));
        return admission;
    }

    public override string ToString() => $"Patient {Id.Value:N}";
}

public static class HealthcareErrors
{
    public static readonly Error InvalidNhsNumber = Error.Validation("Patient.InvalidNhsNumber", "The NHS number is not valid.");

    public static Error NotRegistered(NhsNumber nhsNumber) => Error.NotFound("Patient.NotRegistered", $"No patient is registered with NHS number {nhsNumber.Value}.");

    public static Error WardFull(WardCode ward) => Error.Conflict("Ward.Full", $"Ward {ward} has no free bed.");
}
