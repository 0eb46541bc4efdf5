using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Transport;

/// <summary>A card tap a gate or on-bus validator posts to <c>/validators/taps</c>.</summary>
public sealed record TapRequest(string CardNumber, string StopId, string ValidatorId, DateTimeOffset TappedAt, string Direction);

public sealed record TapOutcome(bool Accepted, string ReasonCode, decimal Fare);

/// <summary>
/// Validators are the operator's own devices; each has a certificate whose common name is the validator's
/// asset id (<c>CN=VAL-GATE-KGX-014</c>).
/// </summary>
public static class ValidatorCertificateEvents
{
    public static void Configure(CertificateAuthenticationOptions options, ILogger logger)
    {
        options.Events.OnCertificateValidated = context =>
        {
            var validatorId = context.ClientCertificate.GetNameInfo(X509NameType.SimpleName, false);
            Activity.Current?.SetTag("validator.id", validatorId); // clean precision-names
            logger.LogDebug("Validator {ValidatorId} authenticated with certificate {Thumbprint}", validatorId, context.ClientCertificate.Thumbprint); // clean precision-names
            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, validatorId) }, "Certificate"));
            context.Success();
            return Task.CompletedTask;
        };
    }
}

public sealed class TapTelemetryFilter(ILogger<TapTelemetryFilter> logger, Pseudonymizer pseudonymizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tap = context.GetArgument<TapRequest>(0);
        var activity = Activity.Current;
        activity?.SetTag("tap.stop", tap.StopId); // clean precision-names
        activity?.SetTag("tap.validator", context.HttpContext.User.Identity?.Name); // clean precision-names
        activity?.SetTag("tap.card_last4", tap.CardNumber[^4..]); // clean precision-about
        activity?.SetTag("tap.card", tap.CardNumber); // leak TC1001 direct
        activity?.SetTag("tap.card_token", Convert.ToBase64String(Encoding.ASCII.GetBytes(tap.CardNumber))); // leak TC1001 hashes
        activity?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(tap.CardNumber)); // clean precision-pseudonym
        logger.LogDebug("Hotlist lookup {HotlistKey}", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(tap.CardNumber)))); // leak TC1002 hashes
        context.HttpContext.Items[TapAuditMiddleware.CardItem] = tap.CardNumber;

        var result = await next(context);
        if (result is TapOutcome outcome)
        {
            context.HttpContext.Items[TapAuditMiddleware.OutcomeItem] = outcome.ReasonCode;
        }

        if (result is TapOutcome { Accepted: false } refused)
        {
            logger.LogInformation("Tap refused at {Stop}: {@Outcome}", tap.StopId, refused); // clean logging-objects
            logger.LogDebug("Tap refused: {@Tap}", tap); // leak TC1001 logging-objects
        }

        return result;
    }
}

/// <summary>Writes one audit line per validator request, after the endpoint ran.</summary>
public sealed class TapAuditMiddleware(ILogger<TapAuditMiddleware> logger) : IMiddleware
{
    public const string CardItem = "tap.card";
    public const string OutcomeItem = "tap.outcome";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        logger.LogInformation("Validator {Validator} tap outcome {Outcome}", context.User.Identity?.Name, context.Items[OutcomeItem]); // clean cross-member
        logger.LogDebug("Validator tap audit: card {Card}", context.Items[CardItem]); // leak TC1001 cross-member
    }
}
