namespace Telco.Compliance;

// Lawful data requests, nuisance call reports and directory listings.

/// <summary>A communications data request from an authority. Prints reference, authority, the target's identifier and its kind, the period and the requesting officer's name.</summary>
public sealed record DataRequest(string Reference, string Authority, string TargetIdentifier, string IdentifierKind, DateOnly From, DateOnly To, string OfficerName);

/// <summary>The vault's receipt for a request. Prints reference, authority, state and due time.</summary>
public sealed record DataRequestReceipt(string Reference, string Authority, string State, DateTimeOffset DueBy);

/// <summary>The disclosure vault: lodges requests and extracts records. Not telemetry.</summary>
public interface IDisclosureVault
{
    Task<DataRequestReceipt> LodgeAsync(DataRequest request, CancellationToken cancellationToken = default);

    Task<int> ExtractAsync(string reference, CancellationToken cancellationToken = default);
}

/// <summary>The target is not on the network; quotes the target's identifier.</summary>
public sealed class TargetNotOnNetworkException(string targetIdentifier) : Exception($"{targetIdentifier} is not on this network");

/// <summary>The request's authorisation has lapsed; quotes the reference and date.</summary>
public sealed class AuthorisationExpiredException(string reference, DateOnly expiredOn) : Exception($"Request {reference} expired on {expiredOn:yyyy-MM-dd}")
{
    public string Reference { get; } = reference;
}

/// <summary>A nuisance call report. Prints report id, the reporter's number, the nuisance number, category and the reporter's comment.</summary>
public sealed record NuisanceReport(string ReportId, string ReporterMsisdn, string NuisanceNumber, string Category, string? Comment);

/// <summary>The verdict on a report. Prints report id, category, whether blocked and how many reports name the number.</summary>
public sealed record NuisanceVerdict(string ReportId, string Category, bool Blocked, int ReportsAgainstNumber);

/// <summary>A directory listing. Prints name, number, address and whether ex-directory.</summary>
public sealed record DirectoryListing(string Name, string Number, string Address, bool ExDirectory);

/// <summary>The number is ex-directory; quotes it.</summary>
public sealed class ListingWithheldException(string number) : Exception($"Number {number} is ex-directory");
