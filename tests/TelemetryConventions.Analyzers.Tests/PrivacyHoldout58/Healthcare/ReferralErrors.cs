using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Healthcare;

// The intake service's failures. Every failure carries a code from the error catalogue (REF-…),
// which the exception handler maps to a status and the dashboards group by. The messages were
// written for the support desk, who read them in the intake team's log view.

public abstract class ReferralIntakeException : Exception
{
    protected ReferralIntakeException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    public string ErrorCode { get; }

    public virtual int StatusCode => 422;
}

/// <summary>The PAS has locked the patient's record (a merge or a sensitive-record review).</summary>
public sealed class PatientRecordLockedException(string hospitalNumber, string lockReason)
    : ReferralIntakeException("REF-LOCKED", $"Patient record {hospitalNumber} is locked ({lockReason}); retry once the lock is released.")
{
    public string HospitalNumber { get; } = hospitalNumber;

    /// <summary>The PAS lock type: <c>merge</c>, <c>sensitive-review</c> or <c>deceased-check</c>.</summary>
    public string LockReason { get; } = lockReason;

    public override int StatusCode => 409;
}

/// <summary>The same unique booking reference was received before.</summary>
public sealed class DuplicateReferralException(string ubrn, DateTimeOffset firstReceivedAt)
    : ReferralIntakeException("REF-DUPLICATE", $"Referral {ubrn} was already received at {firstReceivedAt:O}.")
{
    public string Ubrn { get; } = ubrn;

    public override int StatusCode => 409;
}

/// <summary>The specialty has closed its list to new referrals.</summary>
public sealed class SpecialtyClosedException(string specialty)
    : ReferralIntakeException("REF-CLOSED", $"Specialty '{specialty}' is not accepting new referrals.")
{
    public string Specialty { get; } = specialty;
}

/// <summary>The referral's demographics do not match the national record (PDS).</summary>
public sealed class DemographicMismatchException(string nhsNumber, string field, Exception? innerException = null)
    : ReferralIntakeException("REF-PDS-MISMATCH", $"PDS record for NHS number {nhsNumber} does not match the referral's {field}.", innerException)
{
    public string NhsNumber { get; } = nhsNumber;

    public string Field { get; } = field;
}

/// <summary>The PAS adapter's own failure: a SOAP fault with the PAS's fault code.</summary>
public sealed class PasFaultException(string faultCode, string operation)
    : Exception($"PAS operation {operation} failed with fault {faultCode}.")
{
    public string FaultCode { get; } = faultCode;

    public string Operation { get; } = operation;
}

/// <summary>The SMS gateway refused a message; its text quotes the recipient as the gateway logged it.</summary>
public sealed class SmsDeliveryException(string recipient, int statusCode)
    : Exception($"Message to {recipient} was refused with status {statusCode}.")
{
    public string Recipient { get; } = recipient;

    public int StatusCode { get; } = statusCode;
}

public interface ISmsGateway
{
    /// <summary>Throws <see cref="SmsDeliveryException"/>.</summary>
    Task SendReferralConfirmationAsync(string mobile, string ubrn, CancellationToken cancellationToken);
}

public sealed record IncomingReferral(string Ubrn, string HospitalNumber, string NhsNumber, DateOnly DateOfBirth, string Specialty, string ReferrerOdsCode, string? PatientMobile);

public enum IntakeResult
{
    Accepted,
    RetryLater,
    Rejected,
}

public interface IPatientAdministration
{
    /// <summary>Throws <see cref="PatientRecordLockedException"/> or <see cref="PasFaultException"/>.</summary>
    Task EnsureUnlockedAsync(string hospitalNumber, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="DemographicMismatchException"/>.</summary>
    Task MatchDemographicsAsync(string nhsNumber, DateOnly dateOfBirth, CancellationToken cancellationToken);
}

public interface IReferralStore
{
    /// <summary>Throws <see cref="DuplicateReferralException"/> or <see cref="SpecialtyClosedException"/>.</summary>
    Task SaveAsync(IncomingReferral referral, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="PatientRecordLockedException"/> and <see cref="DuplicateReferralException"/>, which it lets escape.</summary>
    Task AmendAsync(string ubrn, IncomingReferral amended, CancellationToken cancellationToken);

    IReadOnlyDictionary<string, string> OpenReferralsByHospitalNumber { get; }
}
