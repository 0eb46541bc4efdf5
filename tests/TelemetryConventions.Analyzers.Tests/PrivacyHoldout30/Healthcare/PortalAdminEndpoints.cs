using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.Identity;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Healthcare;

/// <summary>A patient's account on the patient portal. The user name is the patient's email.</summary>
public sealed class PortalAccount : IdentityUser
{
    public string HospitalNumber { get; set; } = string.Empty;

    public string NhsNumber { get; set; } = string.Empty;
}

public sealed record ImpersonationRequest(string HospitalNumber, string Reason, string TicketId);

public sealed record ImpersonationGrant(Guid GrantId, string AccountId, string OperatorUpn, DateTimeOffset ExpiresAt);

public sealed class PortalAccountConflictException(string message) : Exception(message);

public sealed class PortalAccountDirectory(ISqlRunner sql)
{
    public async Task<PortalAccount?> FindByHospitalNumberAsync(string hospitalNumber, CancellationToken cancellationToken = default)
    {
        var rows = await sql.QueryAsync<PortalAccount>(
            "select * from portal_accounts where hospital_number = @hospitalNumber", new { hospitalNumber }, cancellationToken);
        if (rows.Count > 1)
        {
            throw new PortalAccountConflictException($"{rows.Count} portal accounts are linked to hospital number {hospitalNumber}"); // leak TC1001 exceptions
        }

        return rows.Count == 1 ? rows[0] : null;
    }
}

/// <summary>Back-office endpoints the portal support team uses (support staff sign in with their NHS mail UPN).</summary>
public static class PortalAdminEndpoints
{
    private static readonly ActivitySource Source = new("Clinic.Portal.Admin");

    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin/portal").RequireAuthorization("portal-support");
        admin.MapPost("/impersonate", ImpersonateAsync);
        admin.MapPost("/accounts/{accountId}/unlock", UnlockAsync);
    }

    internal static async Task<IResult> ImpersonateAsync(
        [FromBody] ImpersonationRequest request,
        HttpContext http,
        PortalAccountDirectory directory,
        ICacheStore cache,
        Pseudonymizer pseudonymizer,
        ILogger<PortalAccountDirectory> logger)
    {
        var operatorUpn = http.User.FindFirstValue(ClaimTypes.Upn) ?? "unknown";
        var account = await directory.FindByHospitalNumberAsync(request.HospitalNumber);
        if (account is null)
        {
            logger.LogWarning("Impersonation refused: no portal account for {HospitalNumber}", request.HospitalNumber); // leak TC1001 direct
            return Results.NotFound();
        }

        var grant = new ImpersonationGrant(Guid.NewGuid(), account.Id, operatorUpn, DateTimeOffset.UtcNow.AddMinutes(15));
        await cache.SetStringAsync($"impersonation:{grant.GrantId:N}", account.Id);

        using var span = Source.StartOpsAdminAction("impersonate");
        span.SetOpsSubjectId(pseudonymizer.PseudonymizeOpsSubjectId(account.HospitalNumber)); // clean precision-pseudonym
        span.SetOpsOperatorId(pseudonymizer.PseudonymizeOpsOperatorId(operatorUpn)); // clean precision-pseudonym
        span.SetOpsTicket(request.TicketId); // clean precision-names
        Activity.Current?.SetTag("portal.impersonation.grant_id", grant.GrantId.ToString("N")); // clean precision-names
        logger.LogInformation("Impersonation grant {GrantId} issued by {Operator} until {ExpiresAt}", grant.GrantId, operatorUpn, grant.ExpiresAt); // leak TC1001 direct
        logger.LogInformation("Impersonation issued: {@Grant}", grant); // leak TC1001 logging-objects
        return Results.Ok(new { grant.GrantId, grant.ExpiresAt });
    }

    internal static async Task<IResult> UnlockAsync(
        string accountId,
        UserManager<PortalAccount> users,
        Meter meter,
        ILogger<PortalAccountDirectory> logger)
    {
        var account = await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Results.NotFound();
        }

        var wasLocked = await users.IsLockedOutAsync(account);
        var failedAttempts = account.AccessFailedCount;
        await users.SetLockoutEndDateAsync(account, null);
        var reset = await users.ResetAccessFailedCountAsync(account);

        Activity.Current?.SetTag("portal.account.was_locked", wasLocked); // clean precision-about
        Activity.Current?.SetTag("portal.account.failed_attempts", failedAttempts); // clean precision-about
        logger.LogInformation("Unlocked portal user {User}", account); // leak TC1001 logging-objects
        meter.CreateOpsAdminActionsCounter().Add(1, "unlock", opsOutcome: reset.ToString()); // clean precision-names
        return Results.NoContent();
    }
}
