using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Transport;

public sealed record RefundClaim(Guid RiderId, string RiderEmail, string CardNumber, string RouteId, string JourneyId, int Pence, string DelayMinutes);

public sealed class RefundLimitExceededException(string riderEmail, int pence)
    : Exception($"Refund of {pence}p would exceed the monthly limit for {riderEmail}");

public interface IRefundLedger
{
    Task IssueAsync(RefundClaim claim);
}

/// <summary>The revenue team's refund telemetry: a small class in the DI container that owns the generated refund span.</summary>
public sealed class RefundTelemetry(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<RefundTelemetry> logger)
{
    private string? _lastRider;
    private string? _lastRoute;

    public TransitRefundIssueSpan Start(RefundClaim claim)
    {
        _lastRider = claim.RiderId.ToString();
        _lastRoute = claim.RouteId;
        var span = source.StartTransitRefundIssue(pseudonymizer.PseudonymizeTransitRiderId(claim.RiderId.ToString()), claim.Pence); // clean precision-pseudonym
        span.SetTransitRouteId(claim.RouteId)
            .SetTransitCardId(pseudonymizer.PseudonymizeTransitCardId(claim.CardNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("transit.journey.id", claim.JourneyId); // clean direct
        span.Activity?.SetTag("transit.delay.minutes", claim.DelayMinutes); // clean precision-about
        return span;
    }

    public void Issued(TransitRefundIssueSpan span, RefundClaim claim)
    {
        var rider = pseudonymizer.PseudonymizeTransitRiderId(claim.RiderId.ToString());
        logger.LogTransitRefundIssuedEvent(claim.Pence, rider, claim.RouteId, $"delay {claim.DelayMinutes} min"); // clean precision-pseudonym
        logger.LogTransitRefundIssuedEvent(claim.Pence, pseudonymizer.PseudonymizeTransitRiderId(claim.CardNumber), claim.RouteId); // clean precision-pseudonym
        logger.LogTransitRefundIssuedEvent(claim.Pence, rider, claim.RouteId, transitNote: $"sent to {claim.RiderEmail}"); // leak TC1001 generated-api
        span.SetTransitNote("issued"); // clean generated-api
        span.Activity?.SetTag(TransitAttributes.RiderEmail, claim.RiderEmail); // leak TC1001 generated-api
    }

    public void Refused(TransitRefundIssueSpan span, RefundClaim claim, Exception exception)
    {
        span.RecordException(exception, includeMessage: true); // leak TC1001 exceptions
        span.SetStatus(ActivityStatusCode.Error, "refund limit"); // clean exceptions
        logger.LogWarning("Refund refused for rider {RiderId}", _lastRider); // leak TC1001 cross-member
        logger.LogWarning("Refund refused on route {RouteId}", _lastRoute); // clean cross-member
        logger.LogWarning("Refund refused: {Claim}", claim); // leak TC1001 logging-objects
        logger.LogWarning("Refund of {Pence}p on {RouteId} refused ({ExceptionType})", claim.Pence, claim.RouteId, exception.GetType().Name); // clean exceptions
    }
}

public sealed class RefundService(IRefundLedger ledger, RefundTelemetry telemetry, ILogger<RefundService> logger)
{
    public async Task RefundAsync(RefundClaim claim)
    {
        using var span = telemetry.Start(claim); // clean cross-member
        try
        {
            await ledger.IssueAsync(claim);
            telemetry.Issued(span, claim); // leak TC1001 cross-member
        }
        catch (RefundLimitExceededException ex)
        {
            telemetry.Refused(span, claim, ex); // leak TC1001 cross-member
            logger.LogError(ex, "Refund failed for journey {JourneyId}", claim.JourneyId); // leak TC1001 exceptions
        }
        var riderEmailDomain = claim.RiderEmail.Split('@')[1];
        logger.LogInformation("Refund claim from {RiderEmailDomain} via {RouteId}", riderEmailDomain, claim.RouteId); // clean precision-names
        logger.LogInformation("Refund claim {JourneyId} for card {CardNumber}", claim.JourneyId, claim.CardNumber); // leak TC1001 direct
    }
}

public static class RefundRegistration
{
    public static IServiceCollection AddRefunds(this IServiceCollection services) =>
        services.AddSingleton<RefundTelemetry>().AddScoped<RefundService>();
}
