using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Healthcare;

public interface IRosterClient
{
    Task<bool> IsRosteredAsync(string staffNumber, string trustCode, CancellationToken cancellationToken);
}

/// <summary>
/// JWT bearer events of the clinical API. Clinicians sign in with the trust's identity provider; their
/// tokens carry <c>staff_number</c>, <c>name</c>, <c>upn</c>, the trust code in <c>tid</c> and their roles.
/// </summary>
public sealed class ClinicianTokenEvents(ILogger<ClinicianTokenEvents> logger, Pseudonymizer pseudonymizer, IRosterClient roster) : JwtBearerEvents
{
    private static readonly ActivitySource Source = new("Trust.ClinicalApi.Auth");

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var staffNumber = principal.FindFirst("staff_number")?.Value;
        var trustCode = principal.FindFirst("tid")?.Value ?? "unknown";
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();

        using var span = Source.StartApiAuth(RouteOf(context.HttpContext));
        span.SetApiTenant(trustCode); // clean precision-names
        span.Activity?.SetTag("clinician.roles", string.Join(",", roles)); // clean precision-names
        span.Activity?.SetTag("clinician.token.jti", context.SecurityToken.Id); // clean precision-names

        if (staffNumber is null)
        {
            context.Fail("The token has no staff_number claim."); // clean strings
            return;
        }

        span.SetApiCallerId(pseudonymizer.PseudonymizeApiCallerId(staffNumber)); // clean precision-pseudonym

        if (!await roster.IsRosteredAsync(staffNumber, trustCode, context.HttpContext.RequestAborted))
        {
            context.Fail($"Clinician {staffNumber} is not rostered at {trustCode} today."); // leak TC1001 strings
            span.SetApiRejectionReason("not rostered today"); // clean generated-api
            logger.LogWarning("Clinician {StaffNumber} rejected: not rostered at {Trust}", staffNumber, trustCode); // leak TC1001 direct
            return;
        }

        logger.LogInformation("Clinician {ClinicianName} signed in to {Trust} with roles {Roles}", principal.FindFirst(ClaimTypes.Name)?.Value, trustCode, roles); // leak TC1001 direct
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        logger.LogWarning(context.Exception, "Bearer token rejected for {Route}", RouteOf(context.HttpContext)); // clean exceptions
        Activity.Current?.AddException(context.Exception); // clean exceptions
        if (context.Exception is SecurityTokenExpiredException expired)
        {
            Activity.Current?.SetTag("auth.token.expired_at", expired.Expires.ToString("O")); // clean precision-about
        }

        var header = context.Request.Headers.Authorization.ToString();
        logger.LogDebug("Rejected token: {Length} characters, scheme {Scheme}", header.Length, header.Split(' ')[0]); // clean precision-about
        logger.LogTrace("Rejected Authorization header {Authorization}", header); // leak TC1001 direct
        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        Activity.Current?.SetTag("auth.challenge.error", context.Error); // clean precision-names
        if (context.AuthenticateFailure is { } failure)
        {
            logger.LogInformation("Challenging {Route} after: {Failure}", RouteOf(context.HttpContext), failure.Message); // leak TC1001 exceptions
        }

        return Task.CompletedTask;
    }

    public override Task Forbidden(ForbiddenContext context)
    {
        var upn = context.Principal?.FindFirst(ClaimTypes.Upn)?.Value ?? string.Empty;
        var route = RouteOf(context.HttpContext);
        logger.LogApiAuthRejectedEvent(route, apiCallerId: pseudonymizer.PseudonymizeApiCallerId(upn), apiRejectionReason: "forbidden"); // clean precision-pseudonym
        Activity.Current?.SetTag(ApiAttributes.CallerContact, upn); // leak TC1001 generated-api
        return Task.CompletedTask;
    }

    private static string RouteOf(HttpContext httpContext) =>
        (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
}
