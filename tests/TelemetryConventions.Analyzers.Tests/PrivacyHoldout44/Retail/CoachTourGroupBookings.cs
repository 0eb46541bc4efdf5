using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Retail;

public sealed record GroupTraveller(string FullName, string? DietaryRequest, bool SingleRoom);

/// <summary>A club or society booking a coach holiday as one group through the shop's travel desk.</summary>
public sealed record GroupBookingRequest(
    string TourCode,
    DateOnly Departure,
    string OrganiserName,
    string OrganiserEmail,
    string OrganiserPhone,
    string? OrganiserLoyaltyCard,
    IReadOnlyList<GroupTraveller> Travellers,
    string DepositCardLast4);

/// <summary>The organiser of the booking being worked on, kept for the request by the travel desk's middleware.</summary>
public sealed class GroupDeskSession
{
    public string? OrganiserEmail { get; set; }

    public string? OrganiserRef { get; set; }
}

public sealed class GroupTooSmallException(string tourCode, int travellers, int minimum)
    : Exception($"Tour {tourCode} needs at least {minimum} travellers for the group fare; got {travellers}");

public sealed class CoachTourGroupBookings(
    IKeyValueStore quotes,
    GroupDeskSession session,
    Pseudonymizer pseudonymizer,
    ILogger<CoachTourGroupBookings> logger)
{
    public async Task<string?> QuoteAsync(GroupBookingRequest request, CancellationToken cancellationToken)
    {
        session.OrganiserEmail = request.OrganiserEmail;
        session.OrganiserRef = pseudonymizer.ComputeTravelTravellerId(request.OrganiserEmail);

        var activity = Activity.Current;
        activity?.SetTag("group.tour", request.TourCode); // clean precision-names
        activity?.SetTag("group.size", request.Travellers.Count);
        activity?.SetTag("group.single_rooms", request.Travellers.Count(t => t.SingleRoom));
        activity?.SetTag("group.deposit_card", request.DepositCardLast4); // clean precision-about
        activity?.SetTag("group.organiser", session.OrganiserRef); // clean precision-pseudonym

        try
        {
            if (request.Travellers.Count < 15)
            {
                throw new GroupTooSmallException(request.TourCode, request.Travellers.Count, 15);
            }
        }
        catch (GroupTooSmallException ex)
        {
            logger.LogInformation(ex, "Group fare not available; quoting individual fares"); // clean exceptions
        }

        var quoteKey = $"quote:{request.OrganiserEmail.ToLowerInvariant()}:{request.TourCode}";
        await quotes.SetAsync(quoteKey, JsonSerializer.Serialize(request), TimeSpan.FromDays(7), cancellationToken);
        logger.LogDebug("Quote cached under {QuoteKey}", quoteKey); // leak TC1001 strings

        var dietary = request.Travellers.Where(t => t.DietaryRequest is not null).ToDictionary(t => t.FullName, t => t.DietaryRequest!);
        logger.LogInformation("Dietary requests for the hotels: {Dietary}", dietary); // leak TC1001 logging-objects
        logger.LogInformation("{Count} dietary requests for {Tour}", dietary.Count, request.TourCode);

        if (request.OrganiserLoyaltyCard is { } card)
        {
            activity?.SetTag("group.organiser_card.last4", card[^4..]); // clean precision-about
            activity?.SetBaggage("loyalty.card", card); // leak TC1001 direct
        }

        return quoteKey;
    }

    public void Abandoned(string tourCode)
    {
        logger.LogInformation("Group quote for {Tour} abandoned by {Organiser}", tourCode, session.OrganiserEmail); // leak TC1001 cross-member
        logger.LogInformation("Group quote for {Tour} abandoned by organiser {OrganiserRef}", tourCode, session.OrganiserRef); // clean precision-pseudonym
    }

    public void LogManifest(GroupBookingRequest request)
    {
        var manifest = JsonSerializer.Serialize(request.Travellers);
        Activity.Current?.AddEvent(new ActivityEvent("group.manifest", tags: new ActivityTagsCollection { ["manifest"] = manifest })); // leak TC1001 logging-objects
    }
}
