using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Gaming;

public sealed record RosterPlayer(Guid PlayerId, string Gamertag, string LegalName, DateOnly DateOfBirth, string PassportNumber, string HomeAirport);

public sealed record TeamTravelRequest(string TeamId, string TeamName, string EventId, DateOnly ArriveBy, IReadOnlyList<RosterPlayer> Players);

/// <summary>Set for the request by the league's middleware from the signed-in player.</summary>
public sealed class PlayerTravelContext
{
    public Guid PlayerId { get; set; }

    public string Gamertag { get; set; } = string.Empty;

    /// <summary>The player's pseudonym, made by the middleware with the generated helper.</summary>
    public string Reference { get; set; } = string.Empty;
}

public enum FlightChangeReason
{
    Cancelled,
    ScheduleChange,
    MissedConnection,
    TeamRequest,
}

public interface ILeagueTravelAgency
{
    Task<string> BookFlightAsync(RosterPlayer player, string destination, DateOnly arriveBy, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Room, RosterPlayer[] Sharing)>> BookRoomsAsync(string eventId, IReadOnlyList<RosterPlayer> players, CancellationToken cancellationToken);
}

/// <summary>Books flights and shared rooms for the teams that qualified for the LAN finals.</summary>
public sealed class TournamentTravelService(
    ILeagueTravelAgency agency,
    PlayerTravelContext caller,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<TournamentTravelService> logger)
{
    private const string FinalsAirport = "CGN";

    private readonly Counter<long> _flightsBooked = meter.CreateCounter<long>("league.travel.flights", "{flight}");

    public async Task BookTeamAsync(TeamTravelRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("league.team", request.TeamName); // clean precision-names
        activity?.SetTag("league.event", request.EventId);
        activity?.SetTag("league.requested_by", caller.Reference); // clean precision-pseudonym
        activity?.SetTag("league.requested_by.gamertag", caller.Gamertag); // leak TC1001 cross-member
        Baggage.SetBaggage("league.player_id", caller.PlayerId.ToString()); // leak TC1001 cross-member

        var minors = request.Players.Count(p => AgeOn(p.DateOfBirth, request.ArriveBy) < 18);
        activity?.SetTag("league.travelling_minors", minors); // clean precision-about

        foreach (var player in request.Players)
        {
            var recordLocator = await agency.BookFlightAsync(player, FinalsAirport, request.ArriveBy, cancellationToken);
            _flightsBooked.Add(1, new KeyValuePair<string, object?>("origin", player.HomeAirport)); // clean precision-about
            _flightsBooked.Add(1, new KeyValuePair<string, object?>("player", player.Gamertag)); // leak TC1003 direct
            logger.LogInformation("Flight {RecordLocator} booked from {Origin} for a player of {Team}", recordLocator, player.HomeAirport, request.TeamName); // clean precision-names
            logger.LogDebug("Ticketed name {LegalName} must match passport {Passport}", player.LegalName, player.PassportNumber); // leak TC1001 direct
        }

        var rooms = await agency.BookRoomsAsync(request.EventId, request.Players, cancellationToken);
        foreach (var (room, sharing) in rooms)
        {
            logger.LogInformation("Room {Room} shared by {Sharing}", room, sharing.Select(p => p.Gamertag).ToArray()); // leak TC1001 logging-objects
        }

        logger.LogInformation("{Rooms} rooms for {Players} players of {Team}", rooms.Count, request.Players.Count, request.TeamName);
    }

    public void FlightChanged(RosterPlayer player, string newRecordLocator, FlightChangeReason reason)
    {
        logger.LogTravelRebookedEvent(newRecordLocator, travelTravellerId: pseudonymizer.PseudonymizeTravelTravellerId(player.PlayerId.ToString()), travelNote: reason.ToString()); // clean precision-pseudonym
        logger.LogTravelRebookedEvent(newRecordLocator, travelNote: $"{player.Gamertag} moved to {newRecordLocator} ({reason})"); // leak TC1001 generated-api
        Activity.Current?.SetTag(TravelAttributes.TravellerContact, pseudonymizer.ComputeTravelTravellerId(player.PlayerId.ToString())); // leak TC1001 precision-pseudonym
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly day) =>
        day.Year - dateOfBirth.Year - (day.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);
}
