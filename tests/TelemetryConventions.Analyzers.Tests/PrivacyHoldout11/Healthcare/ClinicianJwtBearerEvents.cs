using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Healthcare;

/// <summary>
/// Bearer events of the clinical records API. Clinicians sign in through the trust's identity provider;
/// the API enriches the request span and counts validations.
/// </summary>
public sealed class ClinicianJwtBearerEvents(Pseudonymizer pseudonymizer, IMeterFactory meterFactory, ILogger<ClinicianJwtBearerEvents> logger)
    : JwtBearerEvents
{
    private const string SmartCardClaim = "smartcard_uid";

    private readonly Meter _meter = meterFactory.Create("ClinicalRecords.Api");

    public override Task MessageReceived(MessageReceivedContext context)
    {
        // The legacy viewer puts the token in the query string of its websocket.
        if (context.Request.Query.TryGetValue("access_token", out var token) && context.Request.Path.StartsWithSegments("/hubs/observations"))
        {
            context.Token = token;
            logger.LogDebug("Token for {Path} taken from the query string ({Length} characters)", context.Request.Path, token.Length); // clean precision-about
        }
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var jwt = (JsonWebToken)context.SecurityToken;
        var staffNumber = principal.FindFirstValue("staff_number");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();

        var span = Activity.Current.EnrichIdentitySignIn(IdentityMethod.External).SetIdentityOutcome(IdentityOutcome.Success);
        span.SetIdentityProvider(jwt.Issuer); // clean precision-about
        span.SetIdentityClientId(jwt.Azp); // clean precision-names
        if (staffNumber is not null)
        {
            span.SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(staffNumber)); // clean precision-pseudonym
        }

        Activity.Current?.SetTag("clinical.roles", string.Join(",", roles)); // clean precision-about
        Activity.Current?.SetTag("clinical.token.id", jwt.Id); // clean precision-names
        Activity.Current?.SetTag("clinical.smartcard", principal.FindFirstValue(SmartCardClaim)); // leak TC1001 cross-member
        Activity.Current?.SetTag("clinical.clinician.name", principal.Identity?.Name); // leak TC1001 direct
        logger.LogDebug("Validated token claims: {@Claims}", principal.Claims.Select(c => new { c.Type, c.Value })); // leak TC1001 logging-objects

        _meter.CreateIdentitySignInsCounter().Add(1, IdentityMethod.External, IdentityOutcome.Success, identityProvider: jwt.Issuer); // clean generated-api
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var activity = Activity.Current;
        switch (context.Exception)
        {
            case SecurityTokenExpiredException expired:
                activity?.SetTag("clinical.token.expired_at", expired.Expires.ToString("O")); // clean precision-about
                break;
            case SecurityTokenInvalidAudienceException audience:
                activity?.SetTag("clinical.token.audience", audience.InvalidAudience); // clean precision-names
                break;
        }

        activity?.AddException(context.Exception); // clean exceptions
        logger.LogWarning(context.Exception, "Bearer token rejected for {Path}", context.Request.Path); // clean exceptions
        _meter.CreateIdentitySignInsCounter().Add(1, IdentityMethod.External, IdentityOutcome.Failed, identityProvider: "trust-idp");
        return Task.CompletedTask;
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is null && context.Request.Headers.Authorization.Length > 0)
        {
            logger.LogInformation("Challenge with header {Authorization}", context.Request.Headers.Authorization); // leak TC1001 cross-member
        }
        return Task.CompletedTask;
    }
}
