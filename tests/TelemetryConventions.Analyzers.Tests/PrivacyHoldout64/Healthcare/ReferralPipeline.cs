using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Healthcare;

public enum ReferralUrgency
{
    Routine,
    Urgent,
    TwoWeekWait,
}

/// <summary>A referral as the e-referral service hands it over. The UBRN is the referral's number.</summary>
public sealed record GpReferral(
    string Ubrn,
    string NhsNumber,
    string ReferrerStaffNumber,
    string Specialty,
    ReferralUrgency Urgency,
    string ClinicalSummary);

public sealed record Patient(string NhsNumber, string HospitalNumber, string FamilyName, string GivenName, DateOnly DateOfBirth, string? Mobile);

public sealed record BookedReferral(string Ubrn, string Clinic, DateTime Slot, Patient Patient);

/// <summary>Why a referral could not be booked. Each case is a record and prints its members.</summary>
public abstract record ReferralError
{
    public sealed record InvalidNhsNumber(string Value) : ReferralError;

    public sealed record PatientNotRegistered(string NhsNumber) : ReferralError;

    public sealed record NoCapacity(string Clinic, int WeeksOut) : ReferralError;

    public sealed record Duplicate(string Ubrn, string ExistingUbrn) : ReferralError;

    public sealed record ReferrerUnknown(string StaffNumber) : ReferralError;
}

public interface IPatientIndex
{
    Option<Patient> FindByNhsNumber(string nhsNumber);
}

public interface IClinicBook
{
    Task<Result<BookedReferral, ReferralError>> BookAsync(GpReferral referral, Patient patient, CancellationToken cancellationToken);

    Option<string> ExistingReferralFor(string nhsNumber, string specialty);
}

/// <summary>Takes a GP referral through validation, the patient index and the clinic book, railway style.</summary>
public sealed class ReferralPipeline(
    IPatientIndex patients,
    IClinicBook clinics,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ReferralPipeline> logger)
{
    public async Task<Result<BookedReferral, ReferralError>> ProcessAsync(GpReferral referral, CancellationToken cancellationToken)
    {
        using var span = source.StartReferralProcess(referral.Ubrn); // clean generated-api
        span.SetReferralPatientId(pseudonymizer.PseudonymizeReferralPatientId(referral.NhsNumber)); // clean precision-pseudonym
        span.SetReferralClinicianId(pseudonymizer.PseudonymizeReferralClinicianId(referral.ReferrerStaffNumber)); // clean precision-pseudonym
        span.SetReferralPriority(PriorityOf(referral.Urgency)); // clean generated-api

        var result = await CheckNhsNumber(referral)
            .Bind(NotAlreadyReferred)
            .Bind(r => patients.FindByNhsNumber(r.NhsNumber).ToResult<ReferralError>(() => new ReferralError.PatientNotRegistered(r.NhsNumber)))
            .Tap(patient => logger.LogDebug("Referral {Ubrn}: patient {PatientRef} resolved", referral.Ubrn, pseudonymizer.ComputeReferralPatientId(patient.NhsNumber))) // clean precision-pseudonym
            .Tap(patient => logger.LogDebug("Referral {Ubrn}: resolved {Patient}", referral.Ubrn, patient)) // leak TC1001 logging-objects
            .BindAsync(patient => clinics.BookAsync(referral, patient, cancellationToken))
            .Tap(booked => logger.LogInformation("Referral {Ubrn} booked into {Clinic} at {Slot:t}", booked.Ubrn, booked.Clinic, booked.Slot)) // clean direct
            .Tap(booked => span.SetReferralClinic(booked.Clinic)) // clean generated-api
            .OnFailure(error => logger.LogWarning("Referral {Ubrn} not booked: {Error}", referral.Ubrn, error)) // leak TC1001 logging-objects
            .OnFailure(error => logger.LogInformation("Rejection kind {Kind}", error.GetType().Name)); // clean precision-names

        span.SetReferralOutcome(result.Match(_ => "booked", OutcomeCode)); // clean generated-api
        meter.CreateReferralProcessedCounter().Add(1, PriorityOf(referral.Urgency), result.Match(_ => "booked", OutcomeCode)); // clean generated-api

        if (result.IsFailure)
        {
            logger.LogReferralRejectedEvent(referral.Ubrn, OutcomeCode(result.Error), pseudonymizer.PseudonymizeReferralPatientId(referral.NhsNumber), Describe(result.Error)); // leak TC1001 generated-api
            span.SetReferralNote(Summary(result.Error)); // clean generated-api
        }

        return result;
    }

    private static Result<GpReferral, ReferralError> CheckNhsNumber(GpReferral referral) =>
        referral.NhsNumber is { Length: 10 } digits && digits.All(char.IsAsciiDigit) && Modulus11(digits)
            ? referral
            : new ReferralError.InvalidNhsNumber(referral.NhsNumber);

    private Result<GpReferral, ReferralError> NotAlreadyReferred(GpReferral referral) =>
        clinics.ExistingReferralFor(referral.NhsNumber, referral.Specialty)
            .Match<Result<GpReferral, ReferralError>>(existing => new ReferralError.Duplicate(referral.Ubrn, existing), () => referral);

    private static bool Modulus11(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == digits[9] - '0';
    }

    private static ReferralPriorityValue PriorityOf(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.TwoWeekWait => ReferralPriority.TwoWeekWait,
        ReferralUrgency.Urgent => ReferralPriority.Urgent,
        _ => ReferralPriority.Routine,
    };

    /// <summary>A short code for dashboards: the kind of error only.</summary>
    private static string OutcomeCode(ReferralError error) => error switch
    {
        ReferralError.InvalidNhsNumber => "rejected:invalid_nhs_number",
        ReferralError.PatientNotRegistered => "rejected:not_registered",
        ReferralError.NoCapacity => "rejected:no_capacity",
        ReferralError.Duplicate => "rejected:duplicate",
        ReferralError.ReferrerUnknown => "rejected:referrer_unknown",
        _ => "rejected:other",
    };

    /// <summary>The text the booking team reads in the rejection letter queue.</summary>
    private static string Describe(ReferralError error) => error switch
    {
        ReferralError.InvalidNhsNumber(var value) => $"NHS number '{value}' fails its check digit",
        ReferralError.PatientNotRegistered { NhsNumber: var nhs } => $"No PDS record for {nhs}",
        ReferralError.NoCapacity(var clinic, var weeks) => $"{clinic} has no slot within {weeks} weeks",
        ReferralError.Duplicate(_, var existing) => $"Duplicate of referral {existing}",
        ReferralError.ReferrerUnknown(var staffNumber) => $"Referrer {staffNumber} is not on the directory",
        _ => "Unclassified rejection",
    };

    /// <summary>What the span keeps: clinic and wait for capacity problems, the kind otherwise.</summary>
    private static string Summary(ReferralError error) => error switch
    {
        ReferralError.NoCapacity { Clinic: var clinic, WeeksOut: var weeks } => $"no capacity at {clinic} within {weeks}w",
        ReferralError.Duplicate { ExistingUbrn: var existing } => $"duplicate of {existing}",
        _ => error.GetType().Name,
    };
}

/// <summary>Nightly reconciliation of booked referrals against the PAS, with errors as values.</summary>
public sealed class ReferralReconciliation(ILogger<ReferralReconciliation> logger, TelemetrySecrets secrets)
{
    public void Reconcile(IReadOnlyList<BookedReferral> booked, IReadOnlySet<string> pasHospitalNumbers)
    {
        var (matched, orphans) = booked
            .Select(b => pasHospitalNumbers.Contains(b.Patient.HospitalNumber)
                ? Result<BookedReferral, string>.Ok(b)
                : Result<BookedReferral, string>.Fail(b.Patient.HospitalNumber))
            .Partition();

        logger.LogInformation("Reconciled {Matched} referrals, {Orphans} not on the PAS", matched.Count, orphans.Count); // clean precision-about
        logger.LogWarning("Referrals without a PAS record: {HospitalNumbers}", orphans); // leak TC1001 logging-objects
        logger.LogInformation("Clinics affected: {Clinics}", string.Join(",", matched.Select(m => m.Clinic).Distinct())); // clean direct

        foreach (var orphan in orphans.Take(3))
        {
            var bucket = SHA256.HashData(Encoding.UTF8.GetBytes(orphan))[0] % 16;
            logger.LogDebug("Orphan sampled into bucket {Bucket}", bucket); // leak TC1002 hashes
        }

        foreach (var orphan in orphans)
        {
            using var hmac = new HMACSHA256(secrets.ShardKey);
            var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(orphan))[0] % 8;
            logger.LogDebug("Orphan queued on shard {Shard}", shard); // clean hashes
        }
    }
}
