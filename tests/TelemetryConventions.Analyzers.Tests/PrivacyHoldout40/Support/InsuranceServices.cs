using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout40.Support;

// Stand-ins for the outside services an insurance journey calls: a claims-history bureau (fraud
// checks), a driving-licence check, a device blocklist, Faster Payments with Confirmation of Payee,
// and an insurer's pre-authorisation API. The exceptions' messages are written here as the real
// services write them, since what a message quotes decides whether logging it leaks.

/// <summary>A search of the shared claims-history database, by the person and (for motor) the vehicle.</summary>
public sealed record BureauSearch(string FamilyName, DateOnly DateOfBirth, string Postcode, string? VehicleRegistration);

/// <summary>A prior claim the bureau matched; <c>MatchedOn</c> names the fields that matched ("name,dob,postcode").</summary>
public sealed record BureauHit(string PriorClaimReference, string InsurerCode, DateOnly LossDate, string MatchedOn, decimal PaidAmount);

public sealed record BureauResponse(string SearchId, IReadOnlyList<BureauHit> Hits);

public interface IClaimsHistoryBureau
{
    Task<BureauResponse> SearchAsync(BureauSearch search, CancellationToken cancellationToken);
}

/// <summary>The bureau's outage: "Claims history service unavailable (status 503)". Names no one.</summary>
public sealed class BureauUnavailableException(int status)
    : Exception($"Claims history service unavailable (status {status})")
{
    public int Status { get; } = status;
}

public sealed record LicenceCheckResult(bool Valid, int PenaltyPoints, IReadOnlyList<string> EndorsementCodes, string LicenceCategory);

public interface IDriverLicenceCheck
{
    Task<LicenceCheckResult> CheckAsync(string licenceNumber, string checkCode, CancellationToken cancellationToken);
}

/// <summary>The licence-check API's 404: "No driver record found for licence number {licence}". It quotes the licence number.</summary>
public sealed class DriverRecordNotFoundException(string licenceNumber)
    : Exception($"No driver record found for licence number {licenceNumber}");

/// <summary>The licence-check API's 400 for an expired share code: "Check code expired". A fixed text.</summary>
public sealed class CheckCodeExpiredException() : Exception("Check code expired");

public sealed record BlocklistStatus(bool Listed, string? ListingReason, string? ListingOperator);

public interface IDeviceBlocklist
{
    Task<BlocklistStatus> LookupAsync(string imei, CancellationToken cancellationToken);
}

public enum CopMatch
{
    Match,
    CloseMatch,
    NoMatch,
    Unavailable,
}

/// <summary>A Confirmation of Payee answer: on a close match the bank returns the account's real name.</summary>
public sealed record CopResult(CopMatch Match, string? ActualAccountName, string ReasonCode);

public interface IConfirmationOfPayee
{
    Task<CopResult> CheckAsync(string sortCode, string accountNumber, string accountName, CancellationToken cancellationToken);
}

public sealed record PaymentInstruction(string SortCode, string AccountNumber, string PayeeName, decimal Amount, string Reference);

public sealed record PaymentResult(string PaymentId, string Status);

public interface IFasterPaymentsClient
{
    Task<PaymentResult> PayAsync(PaymentInstruction instruction, CancellationToken cancellationToken);
}

/// <summary>The payments scheme's rejection: "Payment rejected: {code}" with the scheme's code (AC01, AC04 ...). A fixed text.</summary>
public sealed class PaymentRejectedException(string code) : Exception($"Payment rejected: {code}")
{
    public string Code { get; } = code;
}

public sealed record PreAuthorisationRequest(string MembershipNumber, string PatientSurname, DateOnly DateOfBirth, string ProcedureCode, string ConsultantGmcNumber, DateOnly AdmissionDate);

/// <summary>The hub's answer; <c>DeclineReason</c> is one of the hub's fixed reason texts ("Procedure not covered", "Benefit limit reached").</summary>
public sealed record PreAuthorisationResponse(string AuthorisationCode, bool Approved, decimal BenefitLimit, decimal Shortfall, string? DeclineReason);

public interface IInsurerGateway
{
    Task<PreAuthorisationResponse> PreAuthoriseAsync(string insurerCode, PreAuthorisationRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The insurers' hub answers an unknown member with 404 and the body "Member {membershipNumber} not found
/// on scheme {scheme}"; the gateway throws it with that text.
/// </summary>
public sealed class InsurerMemberNotFoundException(string membershipNumber, string scheme)
    : Exception($"Member {membershipNumber} not found on scheme {scheme}")
{
    public string Scheme { get; } = scheme;
}

/// <summary>The hub's timeout: "Insurer {insurerCode} did not answer within {seconds}s". Names the insurer only.</summary>
public sealed class InsurerTimeoutException(string insurerCode, int seconds)
    : TimeoutException($"Insurer {insurerCode} did not answer within {seconds}s")
{
    public string InsurerCode { get; } = insurerCode;
}
