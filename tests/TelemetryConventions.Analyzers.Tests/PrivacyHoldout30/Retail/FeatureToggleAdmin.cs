using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Retail;

public sealed record ToggleRequest(string FlagKey, bool Enabled, string ChangeTicket);

/// <summary><c>PUT /admin/flags/{flagKey}</c>: e-commerce operators flip storefront toggles; every flip is audited.</summary>
public sealed class FeatureToggleAdmin(IFlagStore flags, IAuditStore audit, Pseudonymizer pseudonymizer, ILogger<FeatureToggleAdmin> logger)
{
    public async Task<IResult> FlipAsync(ToggleRequest request, ClaimsPrincipal operatorUser, CancellationToken cancellationToken)
    {
        var operatorEmail = operatorUser.FindFirstValue(ClaimTypes.Email) ?? "unknown";
        var before = await flags.GetAsync(request.FlagKey, cancellationToken);
        await flags.SetEnabledAsync(request.FlagKey, request.Enabled, cancellationToken);

        Activity.Current?.SetTag("flag.key", request.FlagKey); // clean precision-names
        Activity.Current?.SetTag("flag.enabled", request.Enabled); // clean precision-about
        Activity.Current?.SetTag("flag.operator.role", operatorUser.FindFirstValue(ClaimTypes.Role)); // clean precision-names
        AuditTrail.Note(Activity.Current, operatorEmail, "flag-flip"); // leak TC1001 cross-member
        logger.LogOpsFlagToggledEvent(request.FlagKey, request.Enabled, pseudonymizer.PseudonymizeOpsOperatorId(operatorEmail)); // clean precision-pseudonym
        logger.LogOpsFlagToggledEvent(request.FlagKey, request.Enabled, opsNote: $"flipped by {operatorEmail} under {request.ChangeTicket}"); // leak TC1001 generated-api
        logger.LogInformation("{Flag} was {Before}, now {After}", request.FlagKey, before?.Enabled, request.Enabled); // clean precision-names

        var record = new OperatorAuditRecord("flag-flip", operatorEmail, request.FlagKey, request.ChangeTicket, before is null ? "created" : "changed", DateTimeOffset.UtcNow);
        await audit.WriteAsync(record, cancellationToken);
        logger.LogInformation("Audited {Record}", record); // leak TC1001 logging-objects
        logger.LogInformation("Audited {Action} on {Subject} under {Ticket}", record.Action, record.Subject, record.Ticket); // clean precision-names
        return Results.NoContent();
    }
}

/// <summary>Adds the operator's identity to the request span so that the change shows in trace search.</summary>
public static class AuditTrail
{
    public static void Note(Activity? activity, string operatorEmail, string action)
    {
        activity?.SetTag("audit.action", action);
        activity?.SetTag("audit.operator", operatorEmail); // leak TC1001 direct
    }
}
