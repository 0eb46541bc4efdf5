namespace Legal.Conflicts;

// Conflict checks: before a firm takes a matter it searches its records for the parties.

/// <summary>A conflict search. Prints the check id, the matter id, the client's name, the opposing parties' names and the requester's email.</summary>
public sealed record ConflictCheckRequest(string CheckId, string MatterId, string ClientName, IReadOnlyList<string> OpposingParties, string RequestedByEmail);

/// <summary>A hit: the name that matched (a person's), the matter it matched and the score.</summary>
public sealed record ConflictHit(string CheckId, string MatchedName, string MatchedMatterId, double Score);

/// <summary>The search's result: check id, outcome and number of hits; names no one.</summary>
public sealed record ConflictResult(string CheckId, string Outcome, int HitCount);

public interface IConflictSearch
{
    Task<IReadOnlyList<ConflictHit>> SearchAsync(ConflictCheckRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A party conflicts with an existing client; the message quotes the party's name and the matter.</summary>
public sealed class ConflictFoundException(string partyName, string matterId) : Exception($"Conflict: {partyName} is a party to existing matter {matterId}");

/// <summary>The conflict search service is down; a fixed text.</summary>
public sealed class ConflictServiceUnavailableException() : Exception("Conflict search service unavailable (503)");
