namespace PetCare.Travel;

// The shapes of a transit operator's pet passes and found animals. Records print their members.

/// <summary>A pet pass on a smartcard. Prints pass number, smartcard number, the passenger's id, pet type and expiry.</summary>
public sealed record PetPass(string PassNumber, string SmartcardNumber, Guid PassengerId, string PetType, DateOnly ValidUntil);

/// <summary>A pet pass product. Prints code, name, price and days.</summary>
public sealed record PetPassProduct(string Code, string Name, decimal Price, int Days);

/// <summary>An assistance dog card. Prints card number, the handler's name, the dog's name and the training organisation.</summary>
public sealed record AssistanceDogCard(string CardNumber, string HandlerName, string DogName, string Organisation);

/// <summary>An animal found on the network. Prints report id, station, species, the chip number read and when.</summary>
public sealed record StationFoundAnimal(string ReportId, string Station, string Species, string? ChipNumber, DateTimeOffset FoundAt);

/// <summary>An incident with a dog on board. Prints incident id, route, bus fleet number, kind and time.</summary>
public sealed record PetIncident(string IncidentId, string Route, string FleetNumber, string Kind, DateTimeOffset At);

/// <summary>A professional dog walker's group pass. Prints pass number, the walker's business name, the walker's mobile and the number of dogs.</summary>
public sealed record WalkerGroupPass(string PassNumber, string BusinessName, string Mobile, int Dogs);

public interface IPetPassStore
{
    Task<PetPassProduct?> ProductAsync(string code, CancellationToken cancellationToken = default);

    Task<PetPass> IssueAsync(string productCode, string smartcardNumber, Guid passengerId, CancellationToken cancellationToken = default);

    Task<PetPass?> FindAsync(string passNumber, CancellationToken cancellationToken = default);
}

/// <summary>The smartcard is hotlisted; quotes the card number.</summary>
public sealed class SmartcardHotlistedException(string smartcardNumber) : Exception($"Smartcard {smartcardNumber} is hotlisted");

/// <summary>The product is not sold on the network; quotes product and network.</summary>
public sealed class ProductNotOnNetworkException(string product, string network) : Exception($"{product} is not sold on {network}")
{
    public string Product { get; } = product;
}
