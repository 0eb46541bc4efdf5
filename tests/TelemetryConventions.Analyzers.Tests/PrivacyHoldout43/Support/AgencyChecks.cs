using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout43.Support.Agencies;

// Stand-ins for the eligibility interfaces other agencies offer to councils, schools, suppliers and
// trusts: a benefits department's entitlement check (by national insurance number, family name and
// date of birth), a tax department's income check and a vehicle keeper enquiry.

/// <summary>An entitlement query. A record, so it prints its members.</summary>
public sealed record EntitlementQuery(string NationalInsuranceNumber, string FamilyName, DateOnly DateOfBirth, string Benefit);

/// <summary>
/// The answer: <c>Outcome</c> is one of <c>eligible</c>, <c>not-eligible</c>, <c>no-match</c>;
/// <c>CheckReference</c> is the agency's id of this check (random).
/// </summary>
public sealed record EntitlementResult(string Outcome, string CheckReference, DateTimeOffset CheckedAt);

/// <summary>
/// A fault returned by the benefits department's interface. For <c>NINO_NOT_FOUND</c> and
/// <c>DOB_MISMATCH</c> the interface echoes the query ("No benefit record held for NI number
/// QQ123456C"); <c>SERVICE_UNAVAILABLE</c> and <c>RATE_LIMITED</c> carry fixed texts.
/// </summary>
public sealed class AgencyFaultException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static AgencyFaultException NotFound(EntitlementQuery query) =>
        new("NINO_NOT_FOUND", $"No benefit record held for NI number {query.NationalInsuranceNumber}");

    public static AgencyFaultException Unavailable() =>
        new("SERVICE_UNAVAILABLE", "The entitlement service is unavailable; try again later.");
}

public interface IEntitlementService
{
    /// <exception cref="AgencyFaultException">The agency answered with a fault.</exception>
    /// <exception cref="HttpRequestException">The agency could not be reached.</exception>
    Task<EntitlementResult> CheckAsync(EntitlementQuery query, CancellationToken cancellationToken);
}

/// <summary>A tax department's income band check for a household (by national insurance number).</summary>
public sealed record IncomeBandResult(string Band, bool UnderThreshold, string CheckReference);

public interface IIncomeCheckService
{
    Task<IncomeBandResult> GetIncomeBandAsync(string nationalInsuranceNumber, int taxYear, CancellationToken cancellationToken);
}

/// <summary>A registered keeper returned by the vehicle licensing agency for a plate on a date.</summary>
public sealed record RegisteredKeeper(string Name, string AddressLine1, string PostTown, string Postcode, bool IsCompany);

/// <summary>
/// The vehicle licensing agency's enquiry failure. Its message is the agency's fixed text for the
/// reason (<c>VRM_NOT_FOUND</c>: "No keeper record found for the enquiry"), never the plate.
/// </summary>
public sealed class KeeperEnquiryException(string reason) : Exception("No keeper record found for the enquiry (" + reason + ")")
{
    public string Reason { get; } = reason;
}

public interface IKeeperEnquiryService
{
    /// <exception cref="KeeperEnquiryException">No keeper is held for the plate on that date.</exception>
    Task<RegisteredKeeper> GetKeeperAsync(string registrationMark, DateOnly onDate, CancellationToken cancellationToken);
}
