using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Education;

/// <summary>
/// OpenID Connect events of the learning platform: students and staff sign in with their school's
/// identity provider; the school is chosen from the host, the student number comes from a claim.
/// </summary>
public sealed partial class StudentSsoOpenIdEvents(
    TenantContext tenants,
    ILogger<StudentSsoOpenIdEvents> logger)
    : OpenIdConnectEvents
{
    private const string StudentNumberClaim = "urn:school:student_number";

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        var tenant = tenants.Current;
        if (tenant is not null)
        {
            context.ProtocolMessage.DomainHint = tenant.Id;
            Activity.Current?.SetTag("sso.school", tenant.Id); // clean precision-about
        }

        // The sign-in page lets a learner type their school email first; it is passed on as a hint.
        var hint = context.Properties.GetString("login_hint");
        if (!string.IsNullOrEmpty(hint))
        {
            context.ProtocolMessage.LoginHint = hint;
            Activity.Current?.SetTag("sso.login_hint.present", true);
        }

        context.ProtocolMessage.SetParameter("prompt", context.Properties.Items.ContainsKey("reauth") ? "login" : null);
        LogRedirect(logger, context.ProtocolMessage.CreateAuthenticationRequestUrl()); // leak TC1001 strings
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var token = context.SecurityToken;
        var studentNumber = principal.FindFirstValue(StudentNumberClaim);
        var isStaff = principal.IsInRole("staff");

        var span = Activity.Current.EnrichIdentitySignIn(IdentityMethod.External);
        span.SetIdentityTenant(tenants.Current?.Id ?? "unknown"); // clean generated-api
        span.SetIdentityProvider(context.Scheme.Name); // clean generated-api
        if (studentNumber is not null)
        {
            span.SetIdentityAccountId(Pseudonym.FromComputed(studentNumber)); // leak TC1001 generated-api
        }

        Activity.Current?.SetTag("sso.amr", string.Join(" ", token.Claims.Where(c => c.Type == JwtRegisteredClaimNames.Amr).Select(c => c.Value))); // clean precision-about
        Activity.Current?.SetTag("sso.staff", isStaff);
        Activity.Current?.SetTag("sso.new_login_cohort", studentNumber is null ? -1 : (int)((uint)HashCode.Combine(studentNumber) % 10)); // leak TC1002 hashes
        Activity.Current?.SetTag("sso.preferred_username", token.Claims.FirstOrDefault(c => c.Type == JwtRegisteredClaimNames.PreferredUsername)?.Value); // leak TC1001 direct
        logger.LogInformation("Signed in {Subject} for school {School}", token.Subject, tenants.Current?.Name); // leak TC1001 cross-member

        if (!isStaff && studentNumber is null)
        {
            context.Fail($"Student account {principal.FindFirstValue(ClaimTypes.Email)} has no student number");
        }
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, context.ProtocolMessage.Error); // clean precision-about
        logger.LogWarning("OpenID Connect sign-in failed at {Issuer} with {ExceptionType}", context.ProtocolMessage.IssuerAddress, context.Exception.GetType().Name); // clean exceptions
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        // A failure raised by TokenValidated above carries its own message.
        logger.LogError("Remote sign-in failure: {Message}", context.Failure?.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("sso.failure.type", context.Failure?.GetType().Name); // clean exceptions
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Redirecting to the identity provider: {AuthorizeUrl}")]
    private static partial void LogRedirect(ILogger logger, string authorizeUrl);
}
