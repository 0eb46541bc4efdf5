using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Web;
using TelemetryConventions;

namespace PrivacyHoldout16.Transport;

public sealed record Trip(string TripId, string FromStop, string ToStop, DateTimeOffset TappedOn, decimal Fare);

public sealed class TripsNotFoundException(string cardNumber, DateOnly month)
    : Exception($"No trips recorded for card {cardNumber} in {month:yyyy-MM}")
{
    public DateOnly Month { get; } = month;
}

public interface ITripStore
{
    Task<IReadOnlyList<Trip>> ForCardAsync(string cardNumber, DateOnly month, CancellationToken cancellationToken);
}

/// <summary>The "my trips" pages of the rider app: links, page views and the month's trips of a card.</summary>
public sealed class TripHistoryPages(ITripStore trips, Pseudonymizer pseudonymizer, ILogger<TripHistoryPages> logger)
{
    public const string Route = "/cards/{cardNumber}/trips";

    public string LinkFor(string cardNumber, DateOnly month)
    {
        var url = $"/cards/{cardNumber}/trips?month={month:yyyy-MM}";
        logger.LogDebug("Built trip history link {Url}", url); // leak TC1001 strings
        return url;
    }

    public void OnView(PageViewBeacon beacon, string cardNumber)
    {
        Activity.Current?.SetTag("url.template", Route); // clean precision-names
        // The page is reached from the card's own pages (/cards/{cardNumber}/…), so the referrer names the card too.
        Activity.Current?.SetTag("page.referrer", beacon.Referrer?.AbsoluteUri); // leak TC1001 strings
        Activity.Current?.SetTag("card.last4", cardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("card.ref", pseudonymizer.Compute("transit.card", cardNumber)); // clean precision-pseudonym
    }

    public async Task<IReadOnlyList<Trip>> MonthAsync(string cardNumber, DateOnly month, CancellationToken cancellationToken)
    {
        try
        {
            var list = await trips.ForCardAsync(cardNumber, month, cancellationToken);
            if (list.Count == 0)
            {
                throw new TripsNotFoundException(cardNumber, month);
            }

            Activity.Current?.SetTag("trips.count", list.Count);
            return list;
        }
        catch (TripsNotFoundException ex)
        {
            logger.LogInformation(ex, "Empty trip history for {Month}", ex.Month); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return [];
        }
    }
}
