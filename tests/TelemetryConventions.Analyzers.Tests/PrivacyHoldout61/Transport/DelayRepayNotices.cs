using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Transport;

public sealed record DelayClaim(string ClaimId, string JourneyId, string Origin, string Destination, DateTime Departs, int DelayMinutes, decimal Compensation);

/// <summary>Resource designer class for <c>DelayRepayTexts.resx</c>.</summary>
[GeneratedCode("System.Resources.Tools.StronglyTypedResourceBuilder", "17.0.0.0")]
internal static class DelayRepayTexts
{
    private static ResourceManager? resourceMan;

    internal static ResourceManager ResourceManager =>
        resourceMan ??= new ResourceManager("PrivacyHoldout61.Transport.DelayRepayTexts", typeof(DelayRepayTexts).Assembly);

    internal static CultureInfo? Culture { get; set; }

    /// <summary>Looks up a localized string similar to Claim {0} received for the {1:t} {2} to {3}, delayed {4} minutes..</summary>
    internal static string ClaimReceived => ResourceManager.GetString("ClaimReceived", Culture)!;

    /// <summary>Looks up a localized string similar to We have paid {0:C} to the card ending {1}..</summary>
    internal static string ClaimPaid => ResourceManager.GetString("ClaimPaid", Culture)!;

    /// <summary>Looks up a localized string similar to Claim {0} from {1} was rejected: {2}.</summary>
    internal static string ClaimRejected => ResourceManager.GetString("ClaimRejected", Culture)!;
}

public sealed class NoMatchingJourneyException(TravelCardNumber card, string claimId)
    : Exception($"Card {card} has no tap matching claim {claimId}.");

public sealed class ClaimWindowClosedException(string claimId, int days)
    : Exception($"Claim {claimId} was made {days} days after travel; the window is 28 days.");

/// <summary>The claim being handled, kept for the request so every notice can say who it is for.</summary>
public sealed class ClaimSession(Rider rider, DelayClaim claim)
{
    public Rider Rider { get; } = rider;

    public DelayClaim Claim { get; } = claim;

    public string Summary => $"{Claim.ClaimId} for {Rider.FullName} ({Claim.DelayMinutes} min)";

    public string Route => $"{Claim.Origin}-{Claim.Destination}";
}

/// <summary>Delay-repay notices, and the park-and-ride plate lookups of the same team.</summary>
public sealed partial class DelayRepayNotices(ILogger<DelayRepayNotices> logger, Pseudonymizer pseudonymizer)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CompositeFormat Received = CompositeFormat.Parse(DelayRepayTexts.ClaimReceived);
    private static readonly CompositeFormat Paid = CompositeFormat.Parse(DelayRepayTexts.ClaimPaid);
    private static readonly CompositeFormat Rejected = CompositeFormat.Parse(DelayRepayTexts.ClaimRejected);
    private static readonly Regex PlateJunk = new("[^A-Z0-9]", RegexOptions.Compiled);

    public void Acknowledge(ClaimSession session)
    {
        var claim = session.Claim;
        var text = string.Format(EnGb, Received, claim.ClaimId, claim.Departs, claim.Origin, claim.Destination, claim.DelayMinutes);
        Activity.Current?.SetTag("tickets.delay_repay.text", text); // clean strings
        Activity.Current?.SetTag("tickets.delay_repay.session", session.Summary); // leak TC1001 cross-member
        Activity.Current?.SetTag("tickets.delay_repay.route", session.Route); // clean precision-names
        LogClaim(logger, claim.ClaimId, session.Rider.Email); // leak TC1001 cross-member
    }

    public void Pay(ClaimSession session)
    {
        var text = string.Format(EnGb, Paid, session.Claim.Compensation, session.Rider.Card.Digits[^4..]);
        Activity.Current?.SetTag("tickets.delay_repay.paid", text); // clean precision-about
        LogPaymentConfirmed(logger, session.Claim.ClaimId, session.Rider.Email); // clean direct
        logger.LogTicketsIssuedEvent(session.Claim.JourneyId, session.Route, ticketsRiderId: pseudonymizer.PseudonymizeTicketsRiderId(session.Rider.RiderId.ToString()), ticketsNote: text); // clean precision-pseudonym
    }

    public void Reject(ClaimSession session, Func<DelayClaim, TravelCardNumber, bool> hasMatchingTap, int daysSinceTravel)
    {
        var claim = session.Claim;
        try
        {
            if (daysSinceTravel > 28)
            {
                throw new ClaimWindowClosedException(claim.ClaimId, daysSinceTravel);
            }

            if (!hasMatchingTap(claim, session.Rider.Card))
            {
                throw new NoMatchingJourneyException(session.Rider.Card, claim.ClaimId);
            }
        }
        catch (ClaimWindowClosedException ex)
        {
            Activity.Current?.SetTag("claim.rejection", ex.Message); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, string.Format(EnGb, Rejected, claim.ClaimId, session.Rider.Email, "outside the claim window")); // leak TC1001 strings
        }
        catch (NoMatchingJourneyException ex)
        {
            logger.LogWarning(ex, "Claim {ClaimId} rejected", claim.ClaimId); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("claim.rejected", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().Name, ["claim.id"] = claim.ClaimId })); // clean exceptions
        }
    }

    /// <summary>Claims made on the web form name the rider by email; the claims desk keeps today's riders by email.</summary>
    public Rider? FindClaimant(IReadOnlyDictionary<string, Rider> ridersByEmail, string typedEmail)
    {
        try
        {
            return ridersByEmail[typedEmail.Trim().ToLowerInvariant()];
        }
        catch (KeyNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Claimant not found among {Count} riders", ridersByEmail.Count); // clean precision-about
            return null;
        }
    }

    public string? ParkAndRide(string typedPlate, string carParkId)
    {
        var plate = PlateJunk.Replace(typedPlate.ToUpperInvariant(), string.Empty);
        if (plate.Length < 2)
        {
            return null;
        }

        Activity.Current?.SetTag("parking.plate", plate); // leak TC1001 direct
        Activity.Current?.SetTag("parking.plate.area", plate[..2]); // clean precision-about
        Activity.Current?.SetTag("parking.plate.masked", plate[..2] + new string('*', plate.Length - 2)); // clean precision-about
        var query = new StringBuilder("?carPark=").Append(carParkId).Append("&vrm=").Append(Uri.EscapeDataString(plate)).ToString();
        logger.LogInformation("ANPR lookup {Query}", query); // leak TC1001 strings
        logger.LogInformation("ANPR lookup for car park {CarPark}, plate of {Length} characters", carParkId, plate.Length); // clean precision-about
        return query;
    }

    public void DailyDigest(IReadOnlyList<ClaimSession> sessions)
    {
        var byRoute = sessions.GroupBy(s => s.Route).Select(g => $"{g.Key}: {g.Count()}");
        logger.LogInformation("Delay-repay claims today: {Routes}", string.Join("; ", byRoute)); // clean precision-names
        var riders = sessions.Select(s => pseudonymizer.ComputeTicketsRiderId(s.Rider.RiderId.ToString())).Distinct().Count();
        logger.LogInformation("{Riders} riders claimed today", riders); // clean precision-about
        logger.LogDebug("Claims today: {Claims}", sessions.Select(s => s.Summary).ToList()); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Delay-repay claim {ClaimId} acknowledged to {Email}")]
    private static partial void LogClaim(ILogger logger, string claimId, string email);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Delay-repay payment for {ClaimId} confirmed to {Email}")]
    private static partial void LogPaymentConfirmed(ILogger logger, string claimId, [PrivateData] string email);
}
