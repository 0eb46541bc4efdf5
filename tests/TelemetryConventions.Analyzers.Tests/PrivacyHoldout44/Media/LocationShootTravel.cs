using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;

namespace PrivacyHoldout44.Media;

public sealed record CrewMember(string Email, string Name, string Role, string PassportNumber, string Nationality, bool Freelance);

public sealed record ShootTrip(string ProductionCode, string Location, DateOnly Outbound, DateOnly Return, string CarnetNumber, IReadOnlyList<CrewMember> Crew);

/// <summary>The production travel coordinator's desk: flights, rooms and the equipment carnet for a location shoot.</summary>
public sealed class LocationShootTravel
{
    private static readonly ActivitySource Source = new("Production.Travel");

    // The rooming agency matches our crew lists against theirs with this digest.
    private const string AgencySalt = "prod-travel-v2";

    private readonly IGdsClient _gds;
    private readonly ILogger<LocationShootTravel> _logger;
    private readonly Dictionary<string, CrewMember> _crewByEmail = new(StringComparer.OrdinalIgnoreCase);

    public LocationShootTravel(IGdsClient gds, ILogger<LocationShootTravel> logger)
    {
        _gds = gds;
        _logger = logger;
    }

    public void Load(ShootTrip trip)
    {
        using var activity = Source.StartActivity("production.travel.load");
        activity?.SetTag("production.code", trip.ProductionCode); // clean precision-names
        activity?.SetTag("production.carnet", trip.CarnetNumber); // clean precision-names
        activity?.SetTag("production.crew", trip.Crew.Count);
        activity?.SetTag("production.nationalities", string.Join(',', trip.Crew.Select(c => c.Nationality).Distinct().Order())); // clean precision-about

        foreach (var member in trip.Crew)
        {
            _crewByEmail[member.Email] = member;
            var agencyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AgencySalt + member.PassportNumber)))[..20];
            activity?.AddEvent(new ActivityEvent("production.crew_loaded", tags: new ActivityTagsCollection { ["agency_key"] = agencyKey, ["role"] = member.Role })); // leak TC1002 hashes
        }

        var roomingCsv = string.Join('\n', trip.Crew.OrderBy(c => c.Name).Select(c => $"{c.Name},{c.Role},{(c.Freelance ? "F" : "S")}"));
        _logger.LogDebug("Rooming list sent to the agency:\n{Csv}", roomingCsv); // leak TC1001 strings
    }

    public async Task RebookAsync(string crewEmail, string recordLocator, CancellationToken cancellationToken)
    {
        try
        {
            var member = _crewByEmail[crewEmail];
            var pnr = await _gds.RetrievePnrAsync(recordLocator, cancellationToken);
            _logger.LogInformation("Rebooking {RecordLocator} for a {Role}", pnr?.RecordLocator, member.Role); // clean precision-names
        }
        catch (KeyNotFoundException ex)
        {
            _logger.LogWarning(ex, "Crew member not on the travel list"); // leak TC1001 exceptions
        }
    }
}
