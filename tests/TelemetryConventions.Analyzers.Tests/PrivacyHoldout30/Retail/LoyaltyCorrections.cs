using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Retail;

public enum PointsReason
{
    MissedScan,
    Goodwill,
    ReturnReversal,
    DuplicateAward,
}

public sealed record PointsCorrection(string LoyaltyNumber, int PointsDelta, PointsReason Reason, string StoreId, string? ReceiptNumber);

public sealed record LoyaltyMember(string LoyaltyNumber, string Email, string Phone, string Tier, bool Frozen);

public sealed class LoyaltyAccountFrozenException(string loyaltyNumber)
    : Exception($"Loyalty account {loyaltyNumber} is frozen pending a fraud review");

public interface ILoyaltyLedger
{
    Task<LoyaltyMember?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<LoyaltyMember?> FindByCardAsync(string loyaltyNumber, CancellationToken cancellationToken);

    /// <summary>Posts points; throws <see cref="LoyaltyAccountFrozenException"/>, or <see cref="InvalidOperationException"/> while the ledger is closed for stock-take.</summary>
    Task<long> PostAsync(PointsCorrection correction, CancellationToken cancellationToken);
}

/// <summary>The store support desk's points corrections (<c>/admin/loyalty</c>).</summary>
public sealed class LoyaltyCorrections(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<LoyaltyCorrections> logger)
{
    private static readonly Meter DeskMeter = new("Retail.SupportDesk");
    private static readonly Counter<long> PointsCorrected = DeskMeter.CreateCounter<long>("support_desk.points_corrected");

    public async Task<IResult> LookupAsync([FromQuery] string email, CancellationToken cancellationToken)
    {
        var member = await ledger.FindByEmailAsync(email, cancellationToken);
        logger.LogInformation("Desk lookup for {Email}: {Found}", email, member is not null); // leak TC1001 direct
        if (member is null)
        {
            return Results.NotFound();
        }

        Activity.Current?.SetTag("loyalty.card", member.LoyaltyNumber); // leak TC1001 direct
        Activity.Current?.SetTag("loyalty.card.last4", member.LoyaltyNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("loyalty.tier", member.Tier); // clean precision-names
        logger.LogDebug("Member {Member}", member); // leak TC1001 logging-objects
        return Results.Ok(member);
    }

    public async Task<IResult> CorrectAsync(PointsCorrection correction, ClaimsPrincipal colleague, CancellationToken cancellationToken)
    {
        using var span = source.StartOpsAdminAction("points-correction");
        span.SetOpsSubjectId(pseudonymizer.PseudonymizeOpsSubjectId(correction.LoyaltyNumber)); // clean precision-pseudonym
        span.SetOpsOutcome($"{correction.Reason}:{correction.LoyaltyNumber}"); // leak TC1001 generated-api
        try
        {
            var balance = await ledger.PostAsync(correction, cancellationToken);
            logger.LogInformation("Points corrected {@Summary}", new { correction.PointsDelta, correction.Reason, correction.StoreId, Balance = balance }); // clean logging-objects
            logger.LogInformation("Points corrected: {Correction}", correction); // leak TC1001 logging-objects
            PointsCorrected.Add(correction.PointsDelta, new KeyValuePair<string, object?>("reason", correction.Reason.ToString()), new KeyValuePair<string, object?>("store", correction.StoreId)); // clean precision-names
            PointsCorrected.Add(correction.PointsDelta, new KeyValuePair<string, object?>("member", pseudonymizer.ComputeOpsSubjectId(correction.LoyaltyNumber))); // leak TC1003 precision-pseudonym
            span.AddOpsCorrectionAppliedEvent("points", $"{correction.PointsDelta:+#;-#} on receipt {correction.ReceiptNumber}"); // clean precision-names
            return Results.Ok(new { balance });
        }
        catch (LoyaltyAccountFrozenException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return Results.Problem("The member's account is frozen.", 409);
        }
        catch (InvalidOperationException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return Results.Problem("The ledger is closed for stock-take.", 503);
        }
    }
}
