using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;

namespace PrivacyHoldout44.Energy;

public sealed record CrewEngineer(
    string StaffNumber,
    string Name,
    string Mobile,
    string VanRegistration,
    string TravelProfileId,
    bool NeedsAccessibleRoom,
    string? DietCode);

/// <summary>Crews sent from other depots to restore supply after a storm need rooms near the damaged network.</summary>
public sealed record CrewDeployment(string IncidentId, string HomeDepot, string Town, DateOnly From, int Nights, IReadOnlyList<CrewEngineer> Crew);

public sealed record HotelBlock(string ConfirmationNumber, string PropertyCode, int Rooms, IReadOnlyDictionary<string, string> RoomByStaffNumber);

public interface IHotelBlockBooking
{
    Task<HotelBlock> BookBlockAsync(string town, DateOnly from, int nights, IReadOnlyList<CrewEngineer> crew, CancellationToken cancellationToken);
}

public enum ReleaseReason
{
    SupplyRestored,
    HoursLimit,
    Sickness,
    Recalled,
}

/// <summary>The travel desk of the distribution network operator during a storm.</summary>
public sealed class StormCrewAccommodation
{
    private static readonly ActivitySource Source = new("Network.StormResponse");

    private readonly IHotelBlockBooking _hotels;
    private readonly ILogger<StormCrewAccommodation> _logger;
    private readonly Histogram<int> _nightsAway;
    private readonly Dictionary<string, string> _profileByStaffNumber = new();
    private CrewDeployment? _current;

    public StormCrewAccommodation(IHotelBlockBooking hotels, Meter meter, ILogger<StormCrewAccommodation> logger)
    {
        _hotels = hotels;
        _logger = logger;
        _nightsAway = meter.CreateHistogram<int>("storm.crew.nights_away", "{night}");
    }

    public async Task<HotelBlock> AccommodateAsync(CrewDeployment deployment, CancellationToken cancellationToken)
    {
        _current = deployment;
        foreach (var engineer in deployment.Crew)
        {
            _profileByStaffNumber[engineer.StaffNumber] = engineer.TravelProfileId;
        }

        using var activity = Source.StartActivity("storm.crew_accommodation");
        activity?.SetTag("storm.incident", deployment.IncidentId);
        activity?.SetTag("storm.town", deployment.Town);
        activity?.SetTag("storm.crew_size", deployment.Crew.Count);
        activity?.SetTag("storm.vans", string.Join(',', deployment.Crew.Select(e => e.VanRegistration).Distinct())); // clean precision-names

        var block = await _hotels.BookBlockAsync(deployment.Town, deployment.From, deployment.Nights, deployment.Crew, cancellationToken);
        activity?.SetTag("storm.hotel.confirmation", block.ConfirmationNumber); // clean precision-names
        activity?.SetTag("storm.hotel.property", block.PropertyCode);
        activity?.SetTag("storm.hotel.accessible_rooms", deployment.Crew.Count(e => e.NeedsAccessibleRoom)); // clean precision-about

        foreach (var engineer in deployment.Crew)
        {
            _nightsAway.Record(deployment.Nights, new KeyValuePair<string, object?>("depot", deployment.HomeDepot)); // clean precision-names
            _nightsAway.Record(deployment.Nights, new KeyValuePair<string, object?>("engineer", engineer.StaffNumber)); // leak TC1003 direct
        }

        _logger.LogInformation("Rooms by engineer for {Confirmation}: {Rooms}", block.ConfirmationNumber, block.RoomByStaffNumber); // leak TC1001 logging-objects
        return block;
    }

    public void ReportUnbilledProfiles(IEnumerable<string> invoicedProfiles)
    {
        var unbilled = _profileByStaffNumber.Values.Except(invoicedProfiles).ToList();
        Activity.Current?.SetTag("storm.unbilled_profiles", unbilled.Count);
        _logger.LogWarning("Travel profiles without a hotel invoice: {Profiles}", string.Join(';', unbilled)); // leak TC1001 cross-member
    }

    public void ReportEarlyReturn(string staffNumber, ReleaseReason reason)
    {
        var profile = _profileByStaffNumber.GetValueOrDefault(staffNumber);
        var mobile = _current?.Crew.FirstOrDefault(e => e.StaffNumber == staffNumber)?.Mobile;
        Activity.Current?.AddEvent(new ActivityEvent("storm.engineer_released", tags: new ActivityTagsCollection { ["incident"] = _current?.IncidentId, ["reason"] = reason.ToString() })); // clean precision-names
        _logger.LogInformation("Cancel remaining nights for travel profile {Profile}; confirm on {Mobile}", profile, mobile); // leak TC1001 cross-member
    }
}
