namespace Food.Riders;

/// <summary>A self-employed delivery rider.</summary>
public sealed record Rider(string RiderId, string Name, string Phone, string VehiclePlate, string Zone);

/// <summary>A delivery job offered to a rider.</summary>
public sealed record DeliveryJob(string JobId, string OrderId, string RiderId, string DropAddress, string DropPostcode, double Km);

/// <summary>How a job ended: no rider, no address.</summary>
public sealed record JobOutcome(string JobId, string Status, int Minutes);

/// <summary>A GPS ping from a rider's phone.</summary>
public sealed record RiderPing(string RiderId, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>A battery swap at a locker: the network's battery, the rider who took it.</summary>
public sealed record BatterySwap(string LockerId, string RiderId, string BatterySerial, int ChargePercent);

/// <summary>A locker's state.</summary>
public sealed record LockerStatus(string LockerId, string Site, int Charged, int Empty, double Kw);

/// <summary>A restaurant kitchen's business electricity meter reading.</summary>
public sealed record KitchenReading(string MeterSerial, string RestaurantId, double Kwh, DateTimeOffset At);

/// <summary>An at-seat catering order on a train.</summary>
public sealed record SeatOrder(string OrderId, string TrainId, string Coach, string Seat, string PassengerName, string PassengerEmail, int Items);

/// <summary>An esports arena fan's seat delivery.</summary>
public sealed record ArenaOrder(string OrderId, Guid PlayerId, string Gamertag, string Block, string Seat, int Items);

/// <summary>A game's food reward: a promo code sent to one player.</summary>
public sealed record FoodReward(Guid PlayerId, string PromoCode, string Partner, int Level);

public sealed class RiderUnavailableException(string zone)
    : Exception($"No rider free in zone {zone}.");

public sealed class RiderSuspendedException(string riderId, string reason)
    : Exception($"Rider {riderId} is suspended: {reason}.");

public sealed class LockerFaultException(string lockerId, string code)
    : Exception($"Locker {lockerId} fault {code}.");

public sealed class GamertagBannedException(string gamertag)
    : Exception($"Player {gamertag} is banned from rewards.");

public sealed class PlateMismatchException(string plate)
    : Exception($"Vehicle {plate} is not the registered vehicle.");

public interface IDispatchBoard
{
    Task OfferAsync(DeliveryJob job, CancellationToken cancellationToken);
}

public interface IRiderDirectory
{
    Task<Rider?> FindAsync(string riderId, CancellationToken cancellationToken);
}
