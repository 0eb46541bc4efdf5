using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Energy;

/// <summary>A customer reports a boiler breakdown under the HomeCare cover sold with their gas tariff.</summary>
public sealed record BreakdownReport(
    string AccountNumber,
    string Mprn,
    string Postcode,
    string ContactPhone,
    string FaultCode,
    bool VulnerableCustomer,
    string? Description);

public sealed record HomeCarePolicy(string PolicyNumber, string AccountNumber, string Plan, decimal Excess, int ClaimsThisYear);

public sealed record EngineerVisit(string VisitId, string EngineerStaffNumber, string VanRegistration, DateTimeOffset Slot);

public interface IHomeCarePolicies
{
    Task<HomeCarePolicy?> ForAccountAsync(string accountNumber, CancellationToken cancellationToken);
}

public interface IEngineerDispatch
{
    Task<EngineerVisit> BookAsync(string claimId, string postcode, string faultCode, bool priority, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/homecare/claims")]
public sealed class BoilerCoverClaimsController(
    IHomeCarePolicies policies,
    IEngineerDispatch dispatch,
    ISmsSender sms,
    Pseudonymizer pseudonymizer,
    ILogger<BoilerCoverClaimsController> logger) : ControllerBase
{
    private const int AnnualClaimLimit = 6;

    [HttpPost("")]
    public async Task<ActionResult> ReportAsync([FromBody] BreakdownReport report, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAccountAsync(report.AccountNumber, cancellationToken);
        if (policy is null)
        {
            logger.LogInformation("Breakdown reported on account {AccountNumber} without HomeCare cover", report.AccountNumber); // leak TC1001 direct
            return NotFound("This account has no HomeCare cover.");
        }

        var claimId = "HC-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var span = Activity.Current.EnrichCoverClaim("boiler", CoverClaimStage.Fnol);
        span.SetCoverClaimId(claimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(report.AccountNumber)); // clean precision-pseudonym
        span.SetCoverExcessAmount((double)policy.Excess);
        span.SetCoverNote($"fault {report.FaultCode} at {report.Postcode}"); // leak TC1001 generated-api

        Activity.Current?.SetTag("homecare.plan", policy.Plan);
        Activity.Current?.SetTag("homecare.mprn", report.Mprn); // leak TC1001 direct
        Activity.Current?.SetTag("homecare.postcode_district", report.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("homecare.vulnerable_customer", report.VulnerableCustomer); // clean precision-about
        Activity.Current?.SetTag("homecare.claims_this_year", policy.ClaimsThisYear);

        if (policy.ClaimsThisYear >= AnnualClaimLimit)
        {
            logger.LogWarning("Policy {PolicyNumber} has reached its {Limit} call-outs this year", policy.PolicyNumber, AnnualClaimLimit); // leak TC1001 direct
            return BadRequest("The annual call-out limit has been reached.");
        }

        var visit = await dispatch.BookAsync(claimId, report.Postcode, report.FaultCode, report.VulnerableCustomer, cancellationToken);
        Activity.Current?.SetTag("homecare.visit", visit.VisitId);
        Activity.Current?.SetTag("homecare.van", visit.VanRegistration); // clean direct
        logger.LogInformation("Claim {ClaimId}: engineer {Engineer} booked for {Slot:g}", claimId, visit.EngineerStaffNumber, visit.Slot); // leak TC1001 cross-member

        var sid = await sms.SendAsync(report.ContactPhone, $"Your engineer arrives {visit.Slot:ddd HH:mm}. Ref {claimId}.", cancellationToken);
        logger.LogDebug("Visit SMS {Sid} sent to a {Prefix} number", sid, report.ContactPhone[..3]); // clean precision-about
        return Ok(new { claimId, visit.Slot });
    }
}
