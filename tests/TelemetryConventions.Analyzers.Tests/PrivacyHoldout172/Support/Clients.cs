namespace Legal.Clients;

// Clients and matters as the law firm's practice management system (PMS) holds them.

/// <summary>A client who is a person. Prints the client number, full name, email, phone, date of birth and postcode.</summary>
public sealed record Client(string ClientNumber, string FullName, string Email, string Phone, DateOnly DateOfBirth, string Postcode);

/// <summary>A matter. Prints the matter id, the client number, the fee earner's staff number, the practice area and the status.</summary>
public sealed record Matter(string MatterId, string ClientNumber, string FeeEarnerId, string PracticeArea, string Status);

/// <summary>A matter's summary: matter id, practice area and status; names no one.</summary>
public sealed record MatterSummary(string MatterId, string PracticeArea, string Status);

/// <summary>A client as the PMS's API returns it: a class without ToString.</summary>
public sealed class ClientProfile
{
    public string ClientNumber { get; init; } = "";

    public string FullName { get; init; } = "";

    public string Email { get; init; } = "";

    public string Source { get; init; } = "";
}

public interface IClientStore
{
    Task<Client?> FindAsync(string clientNumber, CancellationToken cancellationToken = default);

    Task<Client?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<Matter?> FindMatterAsync(string matterId, CancellationToken cancellationToken = default);

    Task SaveAsync(Matter matter, CancellationToken cancellationToken = default);
}

/// <summary>Letters, emails and texts to clients and parties (not telemetry).</summary>
public interface IClientMailer
{
    Task SendAsync(string to, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>The PMS has no such client; the message quotes the client number.</summary>
public sealed class ClientNotFoundException(string clientNumber) : Exception($"Client {clientNumber} not found in the practice management system");

/// <summary>The PMS already has a client with this email; the message quotes it.</summary>
public sealed class DuplicateClientException(string email) : Exception($"409 Conflict: a client with email {email} already exists");

/// <summary>The matter is closed; the message quotes the matter id.</summary>
public sealed class MatterClosedException(string matterId) : Exception($"Matter {matterId} is closed to new time entries");

/// <summary>The PMS rate limit; a fixed text.</summary>
public sealed class PracticeSystemThrottledException() : Exception("429 Too Many Requests: retry after 30 seconds");
