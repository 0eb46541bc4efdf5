namespace Border.Crossing;

// Advance passenger information, travel authorisations, eGates and vehicle searches.

/// <summary>A passenger's API record. Prints document number and type, issuing country, names, date of birth, nationality and ETA number.</summary>
public sealed record ApiPassenger(string DocumentNumber, string DocumentType, string IssuingCountry, string FamilyName, string GivenNames, DateOnly DateOfBirth, string Nationality, string? EtaNumber);

/// <summary>An eGate transit. Prints gate, port, outcome, document number and the time taken.</summary>
public sealed record EgateTransit(string GateId, string Port, string Outcome, string DocumentNumber, TimeSpan Took);

/// <summary>An ETA check's answer. Prints ETA number, status and the day it ends.</summary>
public sealed record EtaStatus(string EtaNumber, string Status, DateOnly? ValidUntil);

/// <summary>A freight vehicle search. Prints search id, trailer registration, haulier, the driver's name, people found and lane.</summary>
public sealed record VehicleSearch(string SearchId, string TrailerRegistration, string HaulierId, string DriverName, int PeopleFound, string Lane);

public interface IEtaService
{
    Task<EtaStatus> CheckAsync(string documentNumber, string nationality, CancellationToken cancellationToken = default);
}

public interface IApiGateway
{
    Task<string> SubmitAsync(string sailing, IReadOnlyList<ApiPassenger> passengers, CancellationToken cancellationToken = default);
}

/// <summary>No valid ETA; quotes the document number.</summary>
public sealed class EtaMissingException(string documentNumber) : Exception($"No valid ETA for document {documentNumber}");

/// <summary>A watchlist match; quotes the document number.</summary>
public sealed class WatchlistMatchException(string documentNumber) : Exception($"Watchlist match on document {documentNumber}");

/// <summary>The gate is offline; quotes the gate.</summary>
public sealed class GateOfflineException(string gateId) : Exception($"eGate {gateId} is offline")
{
    public string GateId { get; } = gateId;
}

/// <summary>The carrier's API batch was refused; quotes the sailing and the count.</summary>
public sealed class ApiBatchRejectedException(string sailing, int rejected) : Exception($"API batch for {sailing} refused: {rejected} records");
