namespace Dating.ChargeShare;

// Neighbours sharing home EV chargers, households matched into community solar groups and street energy challenges.

/// <summary>A charger host. Prints host id, name, postcode, the home charger's serial and the tariff.</summary>
public sealed record ChargerHost(Guid HostId, string Name, string Postcode, string ChargerSerial, decimal PricePerKwh);

/// <summary>A charging booking. Prints booking id, host id, the guest's id, the guest's plate, kWh and price.</summary>
public sealed record ChargeBooking(string BookingId, Guid HostId, Guid GuestId, string GuestPlate, double Kwh, decimal Price);

/// <summary>A solar group application. Prints the household's MPAN, meter serial, postcode, the requested share and the group.</summary>
public sealed record SolarApplication(string Mpan, string MeterSerial, string Postcode, double ShareKw, string GroupId);

/// <summary>A solar group. Prints group id, substation, capacity and members.</summary>
public sealed record SolarGroup(string GroupId, string Substation, double CapacityKw, int Members);

/// <summary>A street challenge entry. Prints the household's nickname, the street team, kWh saved and rank.</summary>
public sealed record ChallengeEntry(string HouseholdNickname, string StreetTeamId, double KwhSaved, int Rank);

public interface IChargerNetwork
{
    Task<ChargerHost?> HostAsync(Guid hostId, CancellationToken cancellationToken = default);

    Task UnlockAsync(string chargerSerial, string bookingId, CancellationToken cancellationToken = default);
}

/// <summary>The charger did not answer; quotes the charger's serial.</summary>
public sealed class ChargerOfflineException(string chargerSerial) : Exception($"Charger {chargerSerial} is offline");

/// <summary>The group is full; quotes the group and its capacity.</summary>
public sealed class GroupCapacityException(string groupId, double capacityKw) : Exception($"Group {groupId} is at capacity ({capacityKw} kW)");
