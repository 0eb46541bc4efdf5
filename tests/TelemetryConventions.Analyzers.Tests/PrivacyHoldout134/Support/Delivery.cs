namespace Medikit.Delivery;

// Medicine home deliveries: routes, drops, proof of delivery and failed drops.

/// <summary>A drop on a route. Prints the drop, the route, the recipient's name and postcode, the bag labels and whether a signature is needed.</summary>
public sealed record DeliveryDrop(string DropId, string RouteId, string RecipientName, string Postcode, string[] BagLabels, bool RequiresSignature)
{
    public bool Refrigerated { get; init; }

    public bool ContainsControlledDrug { get; init; }
}

/// <summary>Proof of delivery. Prints the drop, who signed, when and where.</summary>
public sealed record ProofOfDelivery(string DropId, string SignedBy, DateTimeOffset At, double Latitude, double Longitude);

public interface IDeliveryPlanner
{
    Task<IReadOnlyList<DeliveryDrop>> PlanAsync(string depotId, DateOnly day, CancellationToken cancellationToken = default);

    Task<ProofOfDelivery?> ProofAsync(string dropId, CancellationToken cancellationToken = default);
}

/// <summary>A drop failed; quotes the drop and the reason code.</summary>
public sealed class DeliveryFailedException(string dropId, string reasonCode)
    : Exception($"Drop {dropId} failed: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The recipient's address could not be matched; quotes the recipient's name and postcode.</summary>
public sealed class AddressUnmatchedException(string recipientName, string postcode)
    : Exception($"No address match for {recipientName}, {postcode}");
